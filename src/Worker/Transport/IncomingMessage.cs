namespace Bot.Worker.Transport;

/// <summary>A text message.</summary>
public sealed record IncomingMessage(string Key, long ChatId, ChatKind ChatKind, UserRef From, int MessageId, string Text)
    : IncomingUpdate(Key, ChatId, ChatKind, From)
{
    /// <summary>A message the user forwarded from elsewhere: never a command, always something to check (or report).</summary>
    public bool Forwarded { get; init; }

    /// <summary>The text of the message this one replies to, if any (/check as a reply in a group).</summary>
    public string? ReplyToText { get; init; }
}
