namespace Bot.Worker.Chats;

/// <summary>Who a message is rendered for: the model's <c>user</c>, language and local time zone.</summary>
internal sealed record Recipient(long ChatId, long UserId, string FirstName, string? Username, string Language, TimeZoneInfo TimeZone);
