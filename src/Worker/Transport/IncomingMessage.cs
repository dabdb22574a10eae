namespace Bot.Worker.Transport;

/// <summary>A text message.</summary>
public sealed record IncomingMessage(string Key, long ChatId, ChatKind ChatKind, UserRef From, int MessageId, string Text)
    : IncomingUpdate(Key, ChatId, ChatKind, From);
