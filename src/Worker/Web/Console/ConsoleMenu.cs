namespace Bot.Worker.Web.Console;

/// <summary>The console's navigation, in order: a page's route and the labels.yaml key of its name. A new page adds its line here.</summary>
internal static class ConsoleMenu
{
    public static readonly IReadOnlyList<(string Page, string Label)> Items =
    [
        ("/Index", "web.nav.dashboard"),
        ("/Templates/Index", "web.nav.templates"),
        ("/Broadcasts", "web.nav.broadcasts"),
        ("/Deadlines/Index", "web.nav.deadlines"),
        ("/Reports", "web.nav.reports"),
        ("/KnownNumbers", "web.nav.known_numbers"),
        ("/Batches/Index", "web.nav.batches"),
        ("/Channels", "web.nav.channels"),
        ("/Audit", "web.nav.audit"),
    ];
}
