using System.Globalization;
using Bot.Worker.Deadlines;
using Bot.Worker.Templating;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages.Deadlines;

/// <summary>One occurrence's evidence (<see cref="EvidenceService"/>): reminders with their template version, who closed it, snoozes, extensions, every event.</summary>
internal sealed class OccurrenceEvidenceModel(EvidenceService evidence, TeamSchedule schedule, TimeWords words, ConsoleViewer viewer) : PageModel
{
    public OccurrenceEvidence Evidence { get; private set; } = null!;

    public TimeZoneInfo Zone => schedule.TimeZone;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await evidence.ForAsync(id, ct) is not { } found)
        {
            return NotFound();
        }
        Evidence = found;
        return Page();
    }

    public string At(long ms) => Common.LocalTime.Text(DateTimeOffset.FromUnixTimeMilliseconds(ms), Zone);

    public string Who(long? id) => id is null ? "" : $"{Evidence.Name(id)} ({id.Value.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>The template version a recipient saw (the shipped file is version 1); 0 when an admin's version failed and the shipped file was used; null when none was recorded.</summary>
    public string Version(int? version) => version switch
    {
        null => viewer.T("web.deadlines.version_none"),
        0 => viewer.T("web.deadlines.version_shipped"),
        { } v => viewer.T("web.deadlines.version", v),
    };

    /// <summary>The event kind in the admin's language; a kind without a label shows as stored.</summary>
    public string Kind(string kind)
    {
        var key = "web.deadlines.event." + kind;
        var label = viewer.T(key);
        return label == key ? kind : label;
    }

    public string Duration(TimeSpan span) => words.Format(span, viewer.Language);
}
