using Bot.Worker.Awareness;
using Bot.Worker.Statistics;
using Bot.Worker.Templating;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>
/// One alert: what it sends (the preview the other admins get in chat), its state and progress (refreshing itself), and
/// Approve/Reject for the other admins (Withdraw for its proposer) while it waits: a door to <see cref="BroadcastProposals"/>,
/// which holds the rules, audits and notifies. An unknown id is a 404.
/// </summary>
internal sealed class BroadcastDetailModel(BroadcastBoard board, BroadcastProposals proposals, ConsoleViewer viewer, TopicView topics, TimeWords words) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public long Id { get; set; }

    /// <summary>Set after a proposal from the console redirected here.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Proposed { get; set; }

    public AlertStatus? Alert { get; private set; }

    public string PreviewHtml { get; private set; } = "";

    /// <summary>While the alert waits: what a paid broadcast to its audience now would cost ("" when broadcasts are free).</summary>
    public string EstimatedStars { get; private set; } = "";

    public string? Decision { get; private set; }

    public bool DecisionRefused { get; private set; }

    public BroadcastWords Text { get; } = new(viewer, topics, words);

    /// <summary>The viewer proposed this alert: they may withdraw it, not decide it.</summary>
    public bool ViewerProposed => Alert?.Broadcast.ProposedBy == viewer.AdminId;

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    /// <summary>Just the state and progress, for the page's own refresh.</summary>
    public async Task<IActionResult> OnGetFragmentAsync(CancellationToken ct)
    {
        Alert = await board.FindAsync(Id, ct);
        EstimatedStars = Alert is { Progress: null } a ? await proposals.EstimateAsync(a.Broadcast, ct) : "";
        return Partial("_BroadcastStatus", this);
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => DecideAsync(approve: true, ct);

    public Task<IActionResult> OnPostRejectAsync(CancellationToken ct) => DecideAsync(approve: false, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct) =>
        await ShownAsync(await proposals.WithdrawAsync(Id, viewer.AdminId!.Value, ct), ct);

    private async Task<IActionResult> DecideAsync(bool approve, CancellationToken ct)
    {
        var admin = viewer.AdminId!.Value;
        return await ShownAsync(approve ? await proposals.ApproveAsync(Id, admin, ct) : await proposals.RejectAsync(Id, admin, ct), ct);
    }

    private async Task<IActionResult> ShownAsync(DecisionResult result, CancellationToken ct)
    {
        Decision = Text.Decision(result.Outcome);
        DecisionRefused = !result.Decided;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Alert is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Alert = await board.FindAsync(Id, ct);
        if (Alert is not null)
        {
            PreviewHtml = await proposals.PreviewOfAsync(Alert.Broadcast, viewer.AdminId!.Value, ct);
            EstimatedStars = Alert.Progress is null ? await proposals.EstimateAsync(Alert.Broadcast, ct) : "";
        }
    }
}
