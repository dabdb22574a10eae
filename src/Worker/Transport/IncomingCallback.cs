namespace Bot.Worker.Transport;

/// <summary>An inline button press on message <paramref name="MessageId"/>.</summary>
public sealed record IncomingCallback(string Key, long ChatId, ChatKind ChatKind, UserRef From, string CallbackId, int MessageId, string Data)
    : IncomingUpdate(Key, ChatId, ChatKind, From);
