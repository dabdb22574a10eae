namespace Bot.Worker.Templating;

/// <summary>Why a template was refused, and where in its source (1-based line and column).</summary>
internal sealed record TemplateProblem(int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
