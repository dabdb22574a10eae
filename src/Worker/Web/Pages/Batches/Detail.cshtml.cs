using Bot.Worker.Batches;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages.Batches;

/// <summary>
/// One batch: its progress, the export links, its items (filter by state and attribution mismatch, a page of
/// <see cref="PageSize"/> at a time) and a bulk set of the selected items. A door to <see cref="BatchWork"/>, the use case
/// behind /batch's buttons and /batch_set too.
/// </summary>
internal sealed class BatchDetailModel(BatchStore store, BatchWork work, ConsoleViewer viewer) : PageModel
{
    public const int PageSize = 500;

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mismatch { get; set; }

    [BindProperty(SupportsGet = true)]
    public long After { get; set; }

    public Batch Batch { get; private set; } = null!;

    public BatchProgress Progress { get; private set; } = null!;

    public IReadOnlyList<BatchItem> Items { get; private set; } = [];

    /// <summary>What the bulk set did, shown above the table (and whether it was refused).</summary>
    public (string Text, bool Refused)? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSetAsync(long id, long[] items, string? to, string? reason, CancellationToken ct)
    {
        if (items.Length == 0)
        {
            Done = (viewer.T("web.batches.set_none"), true);
        }
        else
        {
            var result = await work.SetManyAsync(viewer.AdminId!.Value, isAdmin: true, id, items, to ?? "", reason ?? "", ct);
            Done = result.Outcome switch
            {
                BatchSetOutcome.Set => (viewer.T("web.batches.set_done", items.Length), false),
                BatchSetOutcome.Unchanged => (viewer.T("web.batches.set_unchanged"), false),
                BatchSetOutcome.ReasonNeeded => (viewer.T("web.batches.set_reason"), true),
                BatchSetOutcome.BadState => (viewer.T("web.batches.set_state"), true),
                _ => (viewer.T("web.batches.set_none"), true),
            };
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public string StateName(string state) => BatchPageText.State(viewer, state);

    public string KindName(string kind) => BatchPageText.Kind(viewer, kind);

    /// <summary>The filters as query values, for the next page's link.</summary>
    public object Route(long after) => new { id = Batch.Id, state = State, mismatch = Mismatch ? "true" : null, after = after > 0 ? after : (long?)null };

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { } batch)
        {
            return false;
        }
        Batch = batch;
        State = BatchItemState.All.Contains(State ?? "") ? State : null;
        Progress = await store.ProgressAsync(id, ct);
        Items = await store.ItemsAsync(id, State, Mismatch, After, PageSize, ct);
        return true;
    }
}
