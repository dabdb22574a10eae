using Bot.Worker.Chats;
using Bot.Worker.Templating.Kinds;
using Scriban;
using Scriban.Syntax;

namespace Bot.Worker.Templating;

/// <summary>
/// The preview use case, for every door: a template rendered in the real sandbox with its kind's first
/// sample model (/preview in chat shows the live version; the console's editor shows a draft as it is typed).
/// </summary>
internal sealed class TemplatePreview(TemplateKinds kinds, TemplateValidator validator, TemplateSandbox sandbox, MessageRenderer renderer)
{
    /// <summary>The live version of <paramref name="name"/> as <paramref name="to"/> would get it; null when there is no such kind.</summary>
    public string? Live(string name, Recipient to) =>
        kinds.Find(name) is { } kind ? renderer.Render(kind.Name, to, kind.Samples[0]) : null;

    /// <summary>
    /// A draft source checked exactly as a save checks it, and rendered for the sample recipient even when a
    /// check fails (an admin sees what is wrong while typing). Null when there is no such kind or language.
    /// </summary>
    public DraftPreview? Draft(string name, string language, string source)
    {
        if (kinds.Find(name) is not { } kind || Languages.Parse(language) is not { } lang)
        {
            return null;
        }
        var (_, problem) = validator.Check(kind.Name, lang, source);
        var template = Template.Parse(source, $"{kind.Name}.{lang}.sbn");
        if (template.HasErrors)
        {
            return new DraftPreview(null, problem);
        }
        try
        {
            var html = sandbox.Render(template, renderer.Model(TemplateValidator.SampleRecipient(lang), kind.Samples[0])).Trim();
            return new DraftPreview(html, problem);
        }
        catch (Exception ex) when (ex is ScriptRuntimeException or OperationCanceledException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            // The validator reported the same failure with its place; there is nothing to show.
            return new DraftPreview(null, problem);
        }
    }
}
