using Bot.Worker.Transport;
using Scriban;
using Scriban.Parsing;

namespace Bot.Worker.Templating;

/// <summary>HTML-escapes every value a template outputs, unless the template wrapped it with <c>raw</c>.</summary>
internal sealed class HtmlTemplateContext : TemplateContext
{
    public HtmlTemplateContext(Scriban.Runtime.ScriptObject builtins) : base(builtins)
    {
    }

    public override TemplateContext Write(SourceSpan span, object? textAsObject) =>
        textAsObject switch
        {
            null => this,
            RawHtml raw => base.Write(span, raw.Value),
            _ => base.Write(span, TelegramHtml.Escape(ObjectToString(textAsObject))),
        };
}
