using Bot.Worker.Templating;
using Bot.Worker.Web.Console;
using Bot.Worker.Web.Templates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages.Templates;

/// <summary>One template's versions with author and time, a diff between any two, and rollback through <see cref="TemplateEditing"/>.</summary>
internal sealed class TemplateVersionsModel(TemplateOverview overview, TemplateEditing editing, ConsoleViewer viewer) : PageModel
{
    public string TemplateName { get; private set; } = "";

    public string Language { get; private set; } = "";

    public IReadOnlyList<TemplateVersion> Versions { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? RolledBack { get; set; }

    public IReadOnlyList<DiffLine>? Diff { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, string lang, CancellationToken ct)
    {
        var history = await overview.HistoryAsync(name, lang, ct);
        if (history is null)
        {
            return NotFound();
        }
        TemplateName = name;
        Language = history.Count > 0 ? history[0].Language : lang;
        Versions = history;
        // By default: what the newest version changed.
        From ??= history.Count > 1 ? history[1].Version : null;
        To ??= history.Count > 0 ? history[0].Version : null;
        if (history.FirstOrDefault(v => v.Version == From) is { } from && history.FirstOrDefault(v => v.Version == To) is { } to)
        {
            Diff = VersionDiff.Lines(from.Source, to.Source);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRollbackAsync(string name, string lang, [FromForm] int version, CancellationToken ct)
    {
        if (viewer.AdminId is not { } admin || await editing.RollbackAsync(name, lang, version, admin, ct) != TemplateEditOutcome.Done)
        {
            return NotFound();
        }
        return RedirectToPage(new { name, lang = Bot.Worker.Chats.Languages.Parse(lang), rolledBack = version });
    }
}
