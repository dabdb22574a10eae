namespace Bot.Worker.Transport;

/// <summary>The user blocked (<paramref name="Blocked"/>) or unblocked the bot in a private chat.</summary>
public sealed record ChatMemberChange(string Key, long ChatId, ChatKind ChatKind, UserRef From, bool Blocked)
    : IncomingUpdate(Key, ChatId, ChatKind, From);
