namespace Bot.Worker.Transport;

/// <summary>
/// An update from any transport. <see cref="Key"/> is unique and stable for the update, so replies
/// keyed by it are not sent twice when the same update is delivered again after a crash.
/// </summary>
public abstract record IncomingUpdate(string Key, long ChatId, ChatKind ChatKind, UserRef From);
