namespace Bot.Worker.Transport;

/// <summary>Who sent an update. <paramref name="LanguageCode"/> is the client's IETF tag, if any.</summary>
public sealed record UserRef(long Id, string FirstName, string? Username, string? LanguageCode);
