using System.Globalization;
using Bot.Worker.Batches;
using Bot.Worker.Common;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Batches;

/// <summary>
/// The <c>batch</c> reply: a batch's progress and its next pending items, each with Suspended / Not suspended / Reopened
/// buttons (<see cref="BatchCallbacks"/>); after a button or a reason, what was just set comes first.
/// </summary>
internal sealed class BatchView(BatchStore store, BatchWords words, Labels labels)
{
    /// <summary>Pending items shown at once (one row of three buttons each).</summary>
    public const int Shown = 5;

    public async Task ReplyAsync(CommandContext context, Batch batch, BatchItem? justSet, CancellationToken ct)
    {
        var language = context.Language;
        var progress = await store.ProgressAsync(batch.Id, ct);
        var items = await store.ItemsAsync(batch.Id, BatchItemState.Pending, false, 0, Shown, ct);
        var buttons = items.Select((item, i) => (IReadOnlyList<InlineButton>)[.. BatchItemState.Settable.Select(state =>
            new InlineButton($"{i + 1} · {labels.Get(language, "button.batch_" + state)}", BatchCallbacks.Data(state, item.Id)))]).ToList();
        await context.ReplyAsync("batch", new
        {
            Batch = Model(batch, context),
            Progress = Progress(progress),
            Items = items.Select((item, i) => new
            {
                N = i + 1,
                Number = BatchNumbers.Display(item.Kind, item.Number),
                Kind = words.Kind(language, item.Kind),
                Region = item.ReportedRegion,
                item.Attribution,
                item.Mismatch,
                item.Note,
            }).ToList(),
            More = Math.Max(0, progress.Pending - items.Count),
            Just = Just(justSet, language),
        }, buttons.Count > 0 ? buttons : null, ct);
    }

    public static object Model(Batch batch, CommandContext context) => new
    {
        batch.Id,
        batch.Title,
        Team = batch.TeamId,
        ActBy = LocalTime.Text(batch.ActByAt, context.Recipient.TimeZone),
        ReportBy = LocalTime.Text(batch.ReportByAt, context.Recipient.TimeZone),
        Zone = context.Recipient.TimeZone.Id,
    };

    public static object Progress(BatchProgress p) => new { p.Total, p.Handled, p.Pending, p.Suspended, p.NotSuspended, p.Reopened, p.Mismatches };

    public object Just(BatchItem? item, string language) => new
    {
        Present = item is not null,
        Number = item is null ? "" : BatchNumbers.Display(item.Kind, item.Number),
        State = item is null ? "" : words.State(language, item.State),
        Reason = item?.Reason ?? "",
    };

    public string Toast(BatchSetResult result, string language) => result.Outcome switch
    {
        BatchSetOutcome.Set or BatchSetOutcome.Unchanged => string.Format(CultureInfo.InvariantCulture, labels.Get(language, "toast.batch_set"),
            BatchNumbers.Display(result.Item!.Kind, result.Item.Number), words.State(language, result.Item.State)),
        BatchSetOutcome.ReasonNeeded => labels.Get(language, "toast.batch_reason"),
        BatchSetOutcome.NotAllowed => labels.Get(language, "toast.not_allowed"),
        _ => labels.Get(language, "toast.batch_not_found"),
    };
}
