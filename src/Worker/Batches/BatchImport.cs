using System.Globalization;
using Bot.Worker.Audit;
using Bot.Worker.Common;
using Bot.Worker.Deadlines;
using Bot.Worker.Storage;
using Bot.Worker.Templating;

namespace Bot.Worker.Batches;

/// <summary>
/// A new batch from the console: the form checked, the file read (CSV or XLSX) and every row checked; with any bad row
/// nothing is saved and every bad row is listed. Otherwise the batch, its items, its two occurrences (act, report), the
/// known numbers of items a re-imported export marks suspended, and the audit entry commit together.
/// </summary>
internal sealed class BatchImport(IDatabase database, BatchStore store, BatchRows rows, OccurrenceScheduler occurrences, TeamStore teams, BatchKnownNumbers known,
    Labels labels, AuditStore audit, TimeProvider clock, Configuration.BotSettings settings)
{
    public const string Action = "batch:import";
    public const int MaxTitle = 200;

    public async Task<BatchImportResult> ImportAsync(long admin, BatchForm form, CancellationToken ct)
    {
        if (await FormProblemAsync(form, ct) is { } problem)
        {
            return new BatchImportResult(problem, [], null, 0, 0);
        }
        var (lines, errors) = rows.Check(Read(form.FileName, form.File));
        if (errors.Count > 0)
        {
            await audit.WriteAsync(admin, Action, $"refused: {form.Title}: {errors.Count} bad row(s) (lines {string.Join(", ", errors.Take(10).Select(e => e.Line))}), nothing saved", allowed: true, ct);
            return new BatchImportResult(null, errors, null, 0, 0);
        }
        var zone = settings.TimeZone;
        var batch = new Batch
        {
            Title = form.Title.Trim(), TeamId = form.TeamId, Language = form.Language, TimeZone = zone.Id, CreatedBy = admin,
            ActBy = LocalTime.ToInstant(form.ActBy!.Value, zone).ToUnixTimeMilliseconds(), ReportBy = LocalTime.ToInstant(form.ReportBy!.Value, zone).ToUnixTimeMilliseconds(),
        };
        return await database.InTransactionAsync(async token =>
        {
            batch = batch with { Id = await store.CreateAsync(batch, token) };
            await store.AddItemsAsync(batch.Id, lines, admin, token);
            var act = await CreateOccurrenceAsync(batch, BatchOccurrences.Act, token);
            var report = await CreateOccurrenceAsync(batch, BatchOccurrences.Report, token);
            await store.SetOccurrencesAsync(batch.Id, act, report, token);
            foreach (var line in lines.Where(l => l.State == BatchItemState.Suspended))
            {
                await known.SuspendedAsync(batch, line.Kind, line.Number, admin, token);
            }
            var mismatches = lines.Count(l => l.Mismatch);
            await audit.WriteAsync(admin, Action, string.Create(CultureInfo.InvariantCulture,
                $"#{batch.Id} {batch.Title}: {lines.Count} items ({lines.Count(l => l.Kind == BatchItemKind.Phone)} phone), {mismatches} attribution mismatches, team {batch.TeamId}"), allowed: true, token);
            return new BatchImportResult(null, [], batch with { ActOccurrenceId = act, ReportOccurrenceId = report }, lines.Count, mismatches);
        }, ct);
    }

    /// <summary>The rows of a CSV or XLSX file: by its name, else by its first bytes (an XLSX file is a zip: "PK").</summary>
    public static IEnumerable<BatchRawRow> Read(string fileName, byte[] file)
    {
        var xlsx = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            || (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && file is [(byte)'P', (byte)'K', ..]);
        return xlsx ? BatchXlsx.Read(new MemoryStream(file, writable: false)) : BatchCsv.Read(file);
    }

    private async Task<long> CreateOccurrenceAsync(Batch batch, string stage, CancellationToken ct)
    {
        var title = string.Format(CultureInfo.InvariantCulture, labels.Get(batch.Language, "batch.occurrence." + stage), batch.Title);
        var d = BatchOccurrences.Definition(batch, stage, title);
        var due = stage == BatchOccurrences.Act ? batch.ActByAt : batch.ReportByAt;
        return (await occurrences.CreateAsync(d, due, d.Id, null, null, OccurrenceState.Open, ct)).Id;
    }

    private async Task<string?> FormProblemAsync(BatchForm form, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (string.IsNullOrWhiteSpace(form.Title) || form.Title.Trim().Length > MaxTitle)
        {
            return "web.batches.problem.title";
        }
        if (!await teams.ExistsAsync(form.TeamId, ct))
        {
            return "web.batches.problem.team";
        }
        if (form.ActBy is not { } act || form.ReportBy is not { } report || LocalTime.ToInstant(act, settings.TimeZone) <= now)
        {
            return "web.batches.problem.act_by";
        }
        if (report < act)
        {
            return "web.batches.problem.report_by";
        }
        return form.File.Length == 0 ? "web.batches.problem.file" : null;
    }
}
