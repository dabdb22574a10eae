using Bot.Worker.Reports;
using Bot.Worker.Scam;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>
/// Scam reports, newest first, filtered by state and kind, with Confirm number / Not fraud / Close on open ones: a door to
/// <see cref="ReportDecisions"/>, the same use case the chat notice's buttons call (it audits and tells the reporter).
/// A wrong-verdict report shows the verdict the user disputed and each sign it named, so an admin sees which rule misfired.
/// </summary>
internal sealed class ReportsModel(ReportDecisions decisions, ScamChecker checker, ConsoleViewer viewer) : PageModel
{
    public static readonly IReadOnlyList<string> States = [ReportState.Open, ReportState.Confirmed, ReportState.NotFraud, ReportState.Closed];

    public static readonly IReadOnlyList<string> Kinds = [ReportKind.Fraud, ReportKind.WrongVerdict];

    /// <summary>One of <see cref="States"/>, or empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    /// <summary>One of <see cref="Kinds"/>, or empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public IReadOnlyList<Report> Reports { get; private set; } = [];

    public string? Decision { get; private set; }

    public bool DecisionRefused { get; private set; }

    /// <summary>A state filter that is none of <see cref="States"/>: the page says so and shows every report.</summary>
    public string? UnknownState { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Confirm number (<c>c</c>), Not fraud (<c>n</c>) or Close (<c>x</c>), the verbs of the chat buttons.</summary>
    public async Task<IActionResult> OnPostDecideAsync(long id, string? verb, CancellationToken ct)
    {
        if (ReportCallbacks.StateOf(verb ?? "") is not { } state)
        {
            return BadRequest();
        }
        var verdict = await decisions.DecideAsync(id, state, viewer.AdminId!.Value, ct);
        var key = verdict.Outcome switch
        {
            ReportDecision.Confirmed => "web.reports.decision.confirmed",
            ReportDecision.NotFraud => "web.reports.decision.not_fraud",
            ReportDecision.Closed => "web.reports.decision.closed",
            ReportDecision.AlreadyDecided => "web.reports.decision.already_decided",
            _ => "web.reports.decision.not_found",
        };
        Decision = string.Format(System.Globalization.CultureInfo.InvariantCulture, viewer.T(key), id, verdict.Added.Count);
        DecisionRefused = !verdict.Decided;
        await LoadAsync(ct);
        return Page();
    }

    public string StateName(string state) => viewer.T("web.reports.state." + state);

    public string KindName(string kind) => viewer.T("web.reports.kind." + kind);

    /// <summary>A sign the disputed verdict named, explained in the admin's language (the id alone when the rules no longer have it).</summary>
    public string SignText(string signId) => signId == ScamVerdict.ReportedAlikeSign
        ? viewer.T("web.reports.reported_alike")
        : checker.Explain(signId, viewer.Language) ?? "";

    public static IReadOnlyList<string> Numbers(Report report) =>
        ReportEntities.Numbers(ReportEntities.Decode(report.Entities)).Select(e => e.Value).Distinct().ToList();

    /// <summary>The links as written (the page shows them as text, never as links an admin might click).</summary>
    public static IReadOnlyList<string> Links(Report report) =>
        ReportEntities.Decode(report.Entities).Where(e => e.Kind == EntityKind.Link).Select(e => e.Value).Distinct().ToList();

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(State) && !States.Contains(State))
        {
            UnknownState = State;
        }
        State = States.Contains(State) ? State : null;
        Kind = Kinds.Contains(Kind) ? Kind : null;
        Reports = await decisions.LatestAsync(State, Kind, ct);
    }
}
