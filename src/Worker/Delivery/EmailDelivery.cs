using Bot.Worker.Channels;
using Bot.Worker.Transport;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Delivery;

/// <summary>
/// Email through Email:Host (one SMTP connection, Email:PerMinute). A few rows are in flight at once, so the next
/// message is ready when the connection is free; one address gets one at a time.
/// </summary>
internal sealed class EmailDelivery(EmailSender sender, IOptions<EmailOptions> options, TimeProvider clock) : IDeliveryChannel
{
    public string Name => DeliveryRoute.Email;

    public int MaxInFlight => 4;

    public DateTimeOffset? ReadyAt(OutboxRow row) => options.Value.Enabled ? sender.Limiter.ReadyAt() : null;

    public OutboxRow Digest(OutboxRow first, IReadOnlyList<OutboxRow> waiting) => first;

    public async Task<SendResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return SendResult.Failed(SendOutcome.Rejected, "no SMTP server is configured (Email:Host)");
        }
        var route = row.Route;
        var result = await sender.SendAsync(new EmailMessage(route.EmailAddress ?? "", row.Text, row.IdemKey, route.EmailName), cancellationToken);
        return ChannelResults.ToSendResult(result, clock.GetUtcNow());
    }
}
