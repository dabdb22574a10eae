namespace Bot.Worker.Awareness;

/// <summary>One line of the consent log: a topic turned on or off, when and by what.</summary>
internal sealed record ConsentEntry
{
    public string Topic { get; init; } = "";
    public string Action { get; init; } = "";
    public string Source { get; init; } = "";
    public long At { get; init; }
}
