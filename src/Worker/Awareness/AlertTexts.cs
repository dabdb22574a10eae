using Bot.Worker.Chats;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Awareness;

/// <summary>
/// An alert's own text rendered inside the live <c>alert</c> template: it must not be empty, every
/// language's live version must show it (an admin's older edit may not), and the result must stay
/// within a template's output limit (<see cref="TemplateValidator.MaxVisibleLength"/>) in every language.
/// </summary>
internal sealed class AlertTexts(TemplateCatalog catalog, MessageRenderer renderer, BroadcastModels models)
{
    public const string Template = "alert";
    public const string Variable = "text";

    /// <summary>The text as stored: line ends unified, blank lines around it dropped; the rest as typed.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    public ProposalResult? Problem(Broadcast draft)
    {
        var text = draft.Text ?? "";
        if (text.Length == 0)
        {
            return new ProposalResult(ProposalOutcome.EmptyText);
        }
        // Far too long to fit whatever the template adds: refused without rendering.
        if (text.Length > TemplateValidator.MaxVisibleLength)
        {
            return TooLong(text.Length, "");
        }
        // The id shown in the footer is not known yet: measure with a long one.
        var sample = draft with { Id = 999_999_999 };
        foreach (var language in Languages.All)
        {
            var live = catalog.Get(Template, language);
            if (!VariableReads.Reads(live.Template, Variable))
            {
                return new ProposalResult(ProposalOutcome.TemplateIgnoresText, Language: language, Version: live.Version);
            }
            string html;
            try
            {
                html = renderer.Render(Template, TemplateValidator.SampleRecipient(language), models.For(sample, language));
            }
            catch (Exception ex) when (ex is Scriban.Syntax.ScriptRuntimeException or OperationCanceledException or TimeoutException or ArgumentException or InvalidOperationException)
            {
                // The sandbox's own output limit (or time budget) stopped it: far too long.
                return TooLong(text.Length, language);
            }
            var visible = TelegramHtml.VisibleLength(html);
            if (visible > TemplateValidator.MaxVisibleLength)
            {
                return TooLong(visible, language);
            }
        }
        return null;
    }

    private static ProposalResult TooLong(int length, string language) =>
        new(ProposalOutcome.TextTooLong, Length: length, Limit: TemplateValidator.MaxVisibleLength, Language: language);
}
