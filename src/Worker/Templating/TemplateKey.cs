namespace Bot.Worker.Templating;

/// <summary>A template name and language, as in the file name <c>NAME.LANG.sbn</c>.</summary>
internal readonly record struct TemplateKey(string Name, string Language)
{
    public override string ToString() => $"{Name}.{Language}";
}
