using Bot.Worker.Awareness;
using Bot.Worker.Statistics;
using Bot.Worker.Templating;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>The latest alerts (proposed, approved, sending, done, rejected) with who proposed and decided them, refreshing itself.</summary>
internal sealed class BroadcastsModel(BroadcastBoard board, ConsoleViewer viewer, TopicView topics, TimeWords words) : PageModel
{
    public const int Limit = 30;

    public IReadOnlyList<AlertStatus> Alerts { get; private set; } = [];

    public BroadcastWords Text { get; } = new(viewer, topics, words);

    public async Task OnGetAsync(CancellationToken ct) => Alerts = await board.LatestAsync(Limit, ct);

    /// <summary>Just the table, for the page's own refresh.</summary>
    public async Task<IActionResult> OnGetFragmentAsync(CancellationToken ct)
    {
        Alerts = await board.LatestAsync(Limit, ct);
        return Partial("_BroadcastList", this);
    }
}
