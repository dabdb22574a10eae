using Bot.Worker.Channels;
using Bot.Worker.Transport;

namespace Bot.Worker.Delivery;

/// <summary>A robot's or the mail server's <see cref="ChannelResult"/> as the outbox records results.</summary>
internal static class ChannelResults
{
    public static SendResult ToSendResult(ChannelResult result, DateTimeOffset now) => result.Outcome switch
    {
        ChannelOutcome.Sent => new SendResult(SendOutcome.Sent, PartsSent: result.PartsSent),
        ChannelOutcome.Deferred => new SendResult(SendOutcome.Deferred, null, Wait(result.RetryAt, now), result.Reason, result.PartsSent),
        ChannelOutcome.Failed => new SendResult(SendOutcome.Rejected, null, null, result.Reason, result.PartsSent),
        _ => new SendResult(SendOutcome.Transient, null, null, result.Reason, result.PartsSent),
    };

    private static TimeSpan Wait(DateTimeOffset? retryAt, DateTimeOffset now) =>
        retryAt is { } at && at > now ? at - now : TimeSpan.FromSeconds(1);
}
