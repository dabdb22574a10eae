namespace Bot.Worker.Delivery;

/// <summary>
/// A robot message's place in a digest: the digest's heading (Telegram HTML, <c>{0}</c> for how many lines) and this
/// message's one line (Telegram HTML: the deadline, its due time, its links).
/// </summary>
public sealed record DigestEntry(string Title, string Line);
