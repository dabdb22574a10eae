namespace Bot.Worker.Chats;

/// <summary>What the bot stores about a chat (see /mydata).</summary>
internal sealed record ChatRecord
{
    public long ChatId { get; init; }
    public string Kind { get; init; } = "private";
    public long? UserId { get; init; }
    public string? FirstName { get; init; }
    public string? Username { get; init; }
    public string? Language { get; init; }
    public int? QuietStart { get; init; }
    public int? QuietEnd { get; init; }
    public string? QuietZone { get; init; }
    public string Status { get; init; } = ChatStatus.Active;
    public long StatusAt { get; init; }
    public long CreatedAt { get; init; }
    public long UpdatedAt { get; init; }
}
