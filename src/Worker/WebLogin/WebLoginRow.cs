namespace Bot.Worker.WebLogin;

/// <summary>A stored /web link, without its token (only the hash is stored).</summary>
internal sealed record WebLoginRow
{
    public long AdminId { get; init; }
    public long ExpiresAt { get; init; }
    public long? UsedAt { get; init; }
}
