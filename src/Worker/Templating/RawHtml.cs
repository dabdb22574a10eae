namespace Bot.Worker.Templating;

/// <summary>A value a template asked to output unescaped with <c>{{ value | raw }}</c>.</summary>
internal sealed record RawHtml(string Value)
{
    public override string ToString() => Value;
}
