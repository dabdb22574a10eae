namespace Bot.Worker.Transport;

/// <summary>
/// One message as the transport sends it. <paramref name="Html"/> false sends plain text; <paramref name="Paid"/> sends it
/// as a paid broadcast (Telegram's allow_paid_broadcast).
/// </summary>
public sealed record OutboundMessage(long ChatId, string Text, bool Html, IReadOnlyList<IReadOnlyList<InlineButton>>? Buttons, bool Paid = false);
