namespace Bot.Worker.Transport;

/// <summary>
/// One "/" menu for <c>setMyCommands</c>: for everyone (<paramref name="ChatId"/> null) or one chat,
/// in one language (<paramref name="LanguageCode"/> null: users whose language has no menu of its own).
/// </summary>
public sealed record CommandMenu(long? ChatId, string? LanguageCode, IReadOnlyList<KeyValuePair<string, string>> Commands);
