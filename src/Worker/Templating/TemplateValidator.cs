using Bot.Worker.Chats;
using Bot.Worker.Templating.Kinds;
using Bot.Worker.Transport;
using Scriban;
using Scriban.Syntax;

namespace Bot.Worker.Templating;

/// <summary>
/// Decides whether a template source may go live: it parses, reads only variables its kind has,
/// renders every sample of its kind within the sandbox limits, the output is Telegram HTML of at
/// most <see cref="MaxVisibleLength"/> characters, and Chinese text has full-width punctuation
/// (<see cref="ChineseTypography"/>).
/// </summary>
internal sealed class TemplateValidator(TemplateKinds kinds, TemplateSandbox sandbox, MessageRenderer renderer)
{
    /// <summary>Two Telegram messages: longer output is split, but an admin template may not grow without bound.</summary>
    public const int MaxVisibleLength = 2 * 4096;

    private static readonly string[] Common = ["lang", "user", "bot", "now"];

    public (Template? Template, TemplateProblem? Problem) Check(string name, string language, string source, string? path = null)
    {
        var kind = kinds.Find(name);
        if (kind is null)
        {
            return (null, new TemplateProblem(1, 1, $"there is no template kind '{name}'"));
        }
        var template = Template.Parse(source, path ?? $"{name}.{language}.sbn");
        if (TemplateProblem.FromParse(template) is { } syntax)
        {
            return (null, syntax);
        }
        var known = Common.Concat(kind.Samples.SelectMany(s => ScriptModel.From(s).Keys)).Concat(sandbox.BuiltinNames);
        if (VariableCheck.FirstUnknown(template, known) is { } unknown)
        {
            return (null, unknown);
        }
        foreach (var sample in kind.Samples)
        {
            if (RenderProblem(template, language, sample, source) is { } problem)
            {
                return (null, problem);
            }
        }
        if (ChineseTypography.AppliesTo(language) && ChineseTypography.FirstProblem(template, source) is { } typography)
        {
            return (null, typography);
        }
        return (template, null);
    }

    private TemplateProblem? RenderProblem(Template template, string language, object sample, string source)
    {
        string output;
        try
        {
            output = sandbox.Render(template, renderer.Model(SampleRecipient(language), sample));
        }
        catch (ScriptRuntimeException ex)
        {
            return new TemplateProblem(ex.Span.Start.Line + 1, ex.Span.Start.Column + 1, ex.OriginalMessage);
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException or ArgumentException or InvalidOperationException)
        {
            return new TemplateProblem(1, 1, "rendering failed: " + ex.Message);
        }
        if (TelegramHtmlValidator.Validate(output) is { } html)
        {
            var (line, column) = Locate(source, output, html.Offset);
            return new TemplateProblem(line, column, "not valid Telegram HTML: " + html.Message);
        }
        var visible = TelegramHtml.VisibleLength(output);
        return visible > MaxVisibleLength
            ? new TemplateProblem(1, 1, $"renders {visible} characters; the limit is {MaxVisibleLength} (two Telegram messages)")
            : null;
    }

    public static Recipient SampleRecipient(string language) =>
        new(1001, 1001, "<b>&x", "sample_user", language, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));

    /// <summary>Where the offending piece of output (a tag or an '&amp;') appears in the source, if it does.</summary>
    private static (int Line, int Column) Locate(string source, string output, int offset)
    {
        var end = output.IndexOfAny(['>', ' ', '\n'], offset + 1);
        var piece = output[offset..(end < 0 ? output.Length : Math.Min(output.Length, end + 1))];
        var at = source.IndexOf(piece, StringComparison.Ordinal);
        if (at < 0)
        {
            return (1, 1);
        }
        var lineStart = at == 0 ? 0 : source.LastIndexOf('\n', at - 1) + 1;
        return (source.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1);
    }
}
