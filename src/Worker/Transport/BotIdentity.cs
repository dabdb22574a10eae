namespace Bot.Worker.Transport;

/// <summary>The bot as users see it; <paramref name="Username"/> is empty in console mode.</summary>
public sealed record BotIdentity(long Id, string Name, string Username);
