using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Worker.Awareness;
using Bot.Worker.Templating;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Bot.Worker.Web.Pages;

/// <summary>
/// Propose an alert: a topic and the admin's own text (inside <c>alert</c>) or a broadcast template, as /broadcast does.
/// Preview first (rendered by the service, shown safely); Propose only for the input that was previewed. A door to
/// <see cref="BroadcastProposals"/>, which checks, audits and tells the other admins.
/// </summary>
internal sealed class BroadcastNewModel(BroadcastProposals proposals, ConsoleViewer viewer, TopicView topics, TimeWords words) : PageModel
{
    [BindProperty]
    public string? Topic { get; set; } = Topics.Alerts;

    /// <summary>"text" (the admin's own text) or "template".</summary>
    [BindProperty]
    public string? Mode { get; set; } = "text";

    [BindProperty]
    public string? AlertText { get; set; }

    [BindProperty]
    public string? Template { get; set; } = AlertTexts.Template;

    /// <summary>Ties a proposal to this form: posting it twice proposes once (the service's run key).</summary>
    [BindProperty]
    public string? FormId { get; set; }

    /// <summary>The input the shown preview was rendered from; Propose goes through only for that input.</summary>
    [BindProperty]
    public string? PreviewedHash { get; set; }

    public string? PreviewHtml { get; private set; }

    public int Audience { get; private set; }

    public string? Problem { get; private set; }

    public string? Notice { get; private set; }

    public BroadcastWords Text { get; } = new(viewer, topics, words);

    public void OnGet() => FormId = NewFormId();

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (PreviewedHash != InputHash())
        {
            await PreviewAsync(ct);
            Notice = PreviewHtml is null ? null : viewer.T("web.broadcasts.preview_first");
            return Page();
        }
        var result = await proposals.ProposeAsync(Proposal(), ct);
        if (result.Outcome != ProposalOutcome.Proposed)
        {
            Problem = Text.Refusal(result);
            return Page();
        }
        return RedirectToPage("/BroadcastDetail", new { id = result.Broadcast!.Id, proposed = true });
    }

    private async Task PreviewAsync(CancellationToken ct)
    {
        var preview = await proposals.PreviewAsync(Proposal(), ct);
        if (preview.Problem is { } problem)
        {
            Problem = Text.Refusal(problem);
            PreviewedHash = null;
            return;
        }
        PreviewHtml = preview.Html;
        Audience = preview.Audience;
        PreviewedHash = InputHash();
    }

    private AlertProposal Proposal()
    {
        FormId = FormId is { Length: 32 } id && id.All(char.IsAsciiHexDigitLower) ? id : NewFormId();
        var text = IsText ? AlertText ?? "" : null;
        return new AlertProposal(viewer.AdminId!.Value, Topic ?? "", IsText ? null : Template, text, $"alert:web:{FormId}:{InputHash()}");
    }

    private bool IsText => Mode != "template";

    /// <summary>A short digest of what would be proposed (topic and text or template), not a secret.</summary>
    private string InputHash()
    {
        var input = string.Join('\n', Topic ?? "", IsText ? "text" : "template", IsText ? AlertTexts.Normalize(AlertText ?? "") : Template ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..16];
    }

    private static string NewFormId() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
}
