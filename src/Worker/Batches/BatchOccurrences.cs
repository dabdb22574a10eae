using System.Globalization;
using Bot.Worker.Deadlines;

namespace Bot.Worker.Batches;

/// <summary>
/// A batch's two occurrences (deadline ids <c>batch:ID:act</c> and <c>batch:ID:report</c>, which deadlines.yaml cannot
/// hold): one-off at act_by and report_by, the ladder [1d, 2h, 0m], the lead told 1 h after the due time, the
/// batch-reminder and batch-overdue templates with the batch's progress, and Done on "act" refused while items are pending.
/// </summary>
internal sealed class BatchOccurrences(BatchStore store) : IOccurrenceOwner
{
    public const string Act = "act", Report = "report";
    private const string Prefix = "batch:";

    private static readonly IReadOnlyList<LadderOffset> Ladder = [Durations.Parse("1d")!, Durations.Parse("2h")!, Durations.Parse("0m")!];
    private static readonly LadderOffset EscalateAfter = Durations.Parse("1h")!;

    public static string DeadlineId(long batchId, string stage) => Prefix + batchId.ToString(CultureInfo.InvariantCulture) + ":" + stage;

    /// <summary>The batch and stage of a deadline id this owner made, or null.</summary>
    public static (long BatchId, string Stage)? Parse(string deadlineId)
    {
        var parts = deadlineId.Split(':');
        return parts is ["batch", var id, Act or Report] && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var batchId)
            ? (batchId, parts[2])
            : null;
    }

    /// <summary>The definition of one of a batch's occurrences (the title is the occurrence's own).</summary>
    public static DeadlineDefinition Definition(Batch batch, string stage, string title)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(batch.TimeZone);
        var due = TimeZoneInfo.ConvertTime(stage == Act ? batch.ActByAt : batch.ReportByAt, zone).DateTime;
        return new DeadlineDefinition(DeadlineId(batch.Id, stage), title, batch.TeamId, DeadlineKind.OneOff, due, null, false, null,
            Ladder, EscalateAfter, null, "batch-reminder", "batch-overdue", zone);
    }

    public bool Owns(string deadlineId) => Parse(deadlineId) is not null;

    public async Task<DeadlineDefinition?> DefinitionAsync(Occurrence occurrence, CancellationToken ct) =>
        Parse(occurrence.DeadlineId) is var (id, stage) && await store.FindAsync(id, ct) is { } batch ? Definition(batch, stage, occurrence.Title) : null;

    public async Task<object> WorkAsync(Occurrence occurrence, CancellationToken ct)
    {
        var (id, stage) = Parse(occurrence.DeadlineId)!.Value;
        var batch = await store.FindAsync(id, ct);
        var p = await store.ProgressAsync(id, ct);
        return new
        {
            Batch = id,
            Title = batch?.Title ?? "",
            Stage = stage,
            p.Total,
            p.Handled,
            p.Pending,
            p.Suspended,
            p.NotSuspended,
            p.Reopened,
            p.Mismatches,
        };
    }

    public async Task<int> PendingBeforeDoneAsync(Occurrence occurrence, CancellationToken ct) =>
        Parse(occurrence.DeadlineId) is (var id, Act) ? (await store.ProgressAsync(id, ct)).Pending : 0;
}
