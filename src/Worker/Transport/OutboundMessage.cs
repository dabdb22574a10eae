namespace Bot.Worker.Transport;

/// <summary>One message as the transport sends it. <paramref name="Html"/> false sends plain text.</summary>
public sealed record OutboundMessage(long ChatId, string Text, bool Html, IReadOnlyList<IReadOnlyList<InlineButton>>? Buttons);
