using System.Globalization;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Awareness;

/// <summary>
/// Paid broadcasts (Delivery:PaidBroadcast): approved alerts and campaign runs go with Telegram's allow_paid_broadcast,
/// which costs 0.1 Telegram Star for each message sent that way, from the bot's balance. The estimate an approver sees,
/// and what a broadcast spent.
/// </summary>
internal sealed class PaidBroadcasts(IOptions<DeliveryOptions> options)
{
    public const decimal StarsPerMessage = 0.1m;

    public bool Enabled => options.Value.PaidBroadcast;

    /// <summary>Stars for <paramref name="messages"/> messages sent as paid broadcasts, as text ("12.3").</summary>
    public static string Stars(int messages) => (messages * StarsPerMessage).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>What a broadcast to <paramref name="recipients"/> will cost; empty when broadcasts are free (paid broadcasts off).</summary>
    public string Estimate(int recipients) => Enabled ? Stars(recipients) : "";
}
