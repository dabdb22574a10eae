namespace Bot.Worker.Templating;

/// <summary>One stored version of a template in one language.</summary>
internal sealed record TemplateVersion
{
    public string Name { get; init; } = "";
    public string Language { get; init; } = "";
    public int Version { get; init; }
    public string Source { get; init; } = "";
    public string SourceHash { get; init; } = "";
    public string Origin { get; init; } = "";
    public long? AuthorId { get; init; }
    public string? Note { get; init; }
    public long CreatedAt { get; init; }
    public bool IsLive { get; init; }

    public bool IsShipped => Origin == TemplateStore.FileOrigin;
}
