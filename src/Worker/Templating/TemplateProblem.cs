namespace Bot.Worker.Templating;

/// <summary>Why a template was refused, and where in its source (1-based line and column).</summary>
internal sealed record TemplateProblem(int Line, int Column, string Message)
{
    /// <summary>The first syntax error of a parsed template, or null when it parsed.</summary>
    public static TemplateProblem? FromParse(Scriban.Template template) =>
        template.Messages.FirstOrDefault(m => m.Type == Scriban.Parsing.ParserMessageType.Error) is { } error
            ? new TemplateProblem(error.Span.Start.Line + 1, error.Span.Start.Column + 1, error.Message)
            : null;

    public override string ToString() => $"{Line}:{Column}: {Message}";
}
