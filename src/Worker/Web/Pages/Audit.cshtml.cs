using Bot.Worker.Audit;
using Bot.Worker.Common;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>The audit log, newest first, filtered by admin, action and a date range on the bot's wall clock (both days included).</summary>
internal sealed class AuditModel(AuditStore audit, ConsoleViewer viewer) : PageModel
{
    public const int Limit = 200;

    [BindProperty(SupportsGet = true)]
    public long? Admin { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <summary>What was wrong with the date filters (a labels.yaml key), shown by the form; the bad part is not applied.</summary>
    public string? DateProblem { get; private set; }

    /// <summary>The date as typed, when it was no date.</summary>
    public string? BadDate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A date that is no date (2026-13-45, "yesterday"): say so instead of silently ignoring it.
            BadDate = new[] { nameof(From), nameof(To) }.Select(k => ModelState[k] is { Errors.Count: > 0 } e ? e.AttemptedValue : null).FirstOrDefault(v => v is not null);
            DateProblem = "web.audit.bad_date";
            ModelState.Clear();
        }
        else if (From > To)
        {
            DateProblem = "web.audit.bad_range";
        }
        var zone = viewer.TimeZone;
        var query = new AuditQuery(
            Admin,
            string.IsNullOrWhiteSpace(Action) ? null : Action.Trim(),
            From is { } from ? LocalTime.ToInstant(from.ToDateTime(TimeOnly.MinValue), zone) : null,
            To is { } to ? LocalTime.ToInstant(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : null,
            Limit);
        Entries = await audit.SearchAsync(query, ct);
        Actions = await audit.ActionsAsync(ct);
    }
}
