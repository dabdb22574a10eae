using System.Globalization;
using Bot.Worker.Templating;
using Bot.Worker.Transport;
using Bot.Worker.Web.Console;
using Bot.Worker.Web.Templates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages.Templates;

/// <summary>
/// The editor of one template in one language: the live source, a preview of the text being typed (the
/// preview handler, posted by templates.js with the antiforgery token) and saving through <see cref="TemplateEditing"/>.
/// </summary>
internal sealed class TemplateEditModel(TemplateOverview overview, TemplatePreview preview, TemplateEditing editing, ConsoleViewer viewer) : PageModel
{
    public string TemplateName { get; private set; } = "";

    public string Language { get; private set; } = "";

    public TemplateVersion? Live { get; private set; }

    [BindProperty]
    public string? Source { get; set; }

    public int? Saved { get; private set; }

    public TemplateProblem? Problem { get; private set; }

    public string PreviewHtml { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string name, string lang, int? saved, CancellationToken ct)
    {
        if (!await LoadAsync(name, lang, ct))
        {
            return NotFound();
        }
        Source = Live?.Source ?? "";
        Saved = saved;
        ShowDraft();
        return Page();
    }

    /// <summary>The preview of the posted text as JSON: display HTML, a summary, and the problem with line and column.</summary>
    public IActionResult OnPostPreview(string name, string lang)
    {
        var draft = preview.Draft(name, lang, Normalized(Source));
        if (draft is null)
        {
            return NotFound();
        }
        var (html, summary) = Show(draft);
        return new JsonResult(new
        {
            html,
            summary,
            problem = draft.Problem is { } p ? new { p.Line, p.Column, Text = ProblemText(p) } : null,
        });
    }

    public async Task<IActionResult> OnPostSaveAsync(string name, string lang, CancellationToken ct)
    {
        if (viewer.AdminId is not { } admin || !await LoadAsync(name, lang, ct))
        {
            return NotFound();
        }
        Source = Normalized(Source);
        var result = await editing.SaveAsync(TemplateName, Language, Source, admin, ct);
        if (result.Outcome == TemplateEditOutcome.Done)
        {
            return RedirectToPage(new { name = TemplateName, lang = Language, saved = result.Version });
        }
        // Refused: the text stays in the editor with the problem beside it; the live version is unchanged.
        ShowDraft();
        Problem = result.Problem ?? Problem;
        return Page();
    }

    public string ProblemText(TemplateProblem problem) =>
        string.Format(CultureInfo.InvariantCulture, viewer.T("web.templates.problem_at"), problem.Line, problem.Column, problem.Message);

    private async Task<bool> LoadAsync(string name, string lang, CancellationToken ct)
    {
        var history = await overview.HistoryAsync(name, lang, ct);
        if (history is null)
        {
            return false;
        }
        Live = history.FirstOrDefault(v => v.IsLive);
        TemplateName = name;
        Language = Bot.Worker.Chats.Languages.Parse(lang)!;
        return true;
    }

    private void ShowDraft()
    {
        var draft = preview.Draft(TemplateName, Language, Source ?? "")!;
        (PreviewHtml, Summary) = Show(draft);
        Problem = draft.Problem;
    }

    private (string Html, string Summary) Show(DraftPreview draft)
    {
        if (draft.Html is null)
        {
            return ("", viewer.T("web.templates.no_preview"));
        }
        var (html, count) = PreviewMessages.Build(draft.Html, n => viewer.T("web.templates.split", n));
        var summary = string.Format(CultureInfo.InvariantCulture, viewer.T("web.templates.summary"), TelegramHtml.VisibleLength(draft.Html), count);
        return (html, summary);
    }

    /// <summary>Browsers post a textarea's line breaks as CRLF; templates are stored with LF, as chat sends them.</summary>
    private static string Normalized(string? source) => (source ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);
}
