using System.Globalization;
using System.Text;
using Bot.Worker.Deadlines;
using Bot.Worker.Web.Console;
using Bot.Worker.WebLogin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages.Deadlines;

/// <summary>
/// A team's deadlines: a month calendar and the next occurrences (<see cref="TeamSchedule"/>), the CSV export
/// of a date range (<see cref="OccurrenceExport"/>), and the team's iCal feed URL with a button that rotates its key.
/// </summary>
internal sealed class TeamDeadlinesModel(TeamSchedule schedule, TeamCalendarKeys keys, OccurrenceExport export, ConsoleAddress address) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Team { get; set; }

    /// <summary>The month shown, <c>yyyy-MM</c>; the current one when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Rotated { get; set; }

    public IReadOnlyList<TeamDefinition> Teams { get; private set; } = [];

    public TeamDefinition? Selected { get; private set; }

    public MonthGrid? Grid { get; private set; }

    public IReadOnlyList<ScheduledOccurrence> Upcoming { get; private set; } = [];

    public string? FeedUrl { get; private set; }

    /// <summary>The label of what was wrong with the export's dates, shown by its form.</summary>
    public string? ExportProblem { get; private set; }

    public TimeZoneInfo Zone => schedule.TimeZone;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Teams = schedule.Teams;
        Selected = Team is null ? (Teams.Count > 0 ? Teams[0] : null) : schedule.Team(Team);
        if (Selected is null)
        {
            return Team is null ? Page() : NotFound();
        }
        var first = DateOnly.TryParseExact(Month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : schedule.ThisMonth;
        Grid = MonthGrid.Of(first, await schedule.MonthAsync(Selected.Id, first.Year, first.Month, ct), Zone);
        Upcoming = await schedule.UpcomingAsync(Selected.Id, ct);
        FeedUrl = await keys.GetOrCreateAsync(Selected.Id, ct) is { } key ? CalendarFeed.Url(address.Root, Selected.Id, key) : null;
        return Page();
    }

    /// <summary>The CSV of the team's occurrences due from <paramref name="from"/> to <paramref name="to"/> (both days included).</summary>
    public async Task<IActionResult> OnGetCsvAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (schedule.Team(Team) is not { } team || ConsoleViewer.AdminOf(User) is not { } admin)
        {
            return NotFound();
        }
        var (start, end) = (from ?? schedule.ThisMonth, to ?? (from ?? schedule.ThisMonth).AddMonths(1).AddDays(-1));
        if (!ModelState.IsValid || end < start)
        {
            // A date that is no date, or a range that ends before it starts: the page again, saying so by the form.
            ExportProblem = !ModelState.IsValid ? "web.deadlines.export_bad_date" : "web.deadlines.export_bad_range";
            ModelState.Clear();
            return await OnGetAsync(ct);
        }
        var csv = await export.CsvAsync(team.Id, start, end, admin, ct);
        // With the BOM, spreadsheet programs read the Chinese titles as UTF-8.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
            OccurrenceExport.FileName(team.Id, start, end));
    }

    /// <summary>A new feed key for the team (audited); the old URL answers 404 from now on.</summary>
    public async Task<IActionResult> OnPostRotateAsync(CancellationToken ct)
    {
        if (schedule.Team(Team) is not { } team || ConsoleViewer.AdminOf(User) is not { } admin
            || await keys.RotateAsync(team.Id, admin, ct) is null)
        {
            return NotFound();
        }
        return RedirectToPage(new { team = team.Id, month = Month, rotated = true });
    }

    public static string MonthText(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public string Local(DateTimeOffset instant) => Common.LocalTime.Text(instant, Zone);

    /// <summary>"HH:mm" on the deadlines' wall clock (the day is the calendar cell).</summary>
    public string Time(DateTimeOffset instant) => Common.LocalTime.ToLocal(instant, Zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
