using Bot.Worker.Awareness;
using Bot.Worker.Delivery;
using Bot.Worker.Statistics;
using Bot.Worker.Templating;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>The dashboard: the statistics use case that /stats renders in chat, as tables that refresh themselves.</summary>
internal sealed class IndexModel(StatisticsService statistics, TopicView topics, TimeWords words, ConsoleViewer viewer) : PageModel
{
    public BotStatistics Stats { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Stats = await statistics.CurrentAsync(ct);

    /// <summary>Just the numbers, for the page's own refresh.</summary>
    public async Task<IActionResult> OnGetFragmentAsync(CancellationToken ct)
    {
        Stats = await statistics.CurrentAsync(ct);
        return Partial("_Dashboard", this);
    }

    public string TopicName(string topic) => topics.Name(viewer.Language, topic);

    public string LanguageName(string? language) => language is null ? viewer.T("web.dashboard.no_language") : viewer.T("language." + language);

    public string PriorityName(MessagePriority priority) => viewer.T("web.priority." + priority.ToString().ToLowerInvariant());

    public string BroadcastState(string state) => viewer.T("web.broadcast." + state);

    public string Eta(TimeSpan eta) => words.Format(eta, viewer.Language);
}
