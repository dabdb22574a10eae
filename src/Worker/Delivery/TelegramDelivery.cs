using Bot.Worker.Transport;

namespace Bot.Worker.Delivery;

/// <summary>Telegram through the bot transport: the row's HTML (or plain text, after Telegram refused its HTML once) and its buttons.</summary>
internal sealed class TelegramDelivery(IBotTransport transport) : IDeliveryChannel
{
    public string Name => DeliveryRoute.Telegram;

    public int MaxInFlight => int.MaxValue;

    public DateTimeOffset? ReadyAt(OutboxRow row) => null;

    public OutboxRow Digest(OutboxRow first, IReadOnlyList<OutboxRow> waiting) => first;

    public Task<SendResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var text = row.PlainText ? TelegramHtml.ToPlainText(row.Text) : row.Text;
        return transport.SendAsync(new OutboundMessage(row.ChatId, text, !row.PlainText, ButtonsJson.Deserialize(row.Buttons), row.Paid), cancellationToken);
    }
}
