namespace Bot.Worker.Channels;

/// <summary>
/// One configured robot as the outbox sees it: a rendered Telegram HTML message in, a <see cref="ChannelResult"/> out.
/// Converts with the app's client, takes a slot from the robot's limiter for each part (no slot: deferred to the next
/// one, nothing posted), and on the app's rate error pauses the robot with backoff.
/// </summary>
internal sealed class RobotChannel(RobotEndpoint robot, IRobotClient client, ChannelLimiter limiter)
{
    public RobotEndpoint Robot => robot;

    public ChannelLimiter Limiter => limiter;

    /// <summary>How many posts <paramref name="telegramHtml"/> takes (each takes a slot of the limiter).</summary>
    public int Parts(string telegramHtml) => client.Bodies(telegramHtml).Count;

    /// <summary>Sends the parts from <paramref name="firstPart"/> on (a retry passes the <see cref="ChannelResult.PartsSent"/> it got).</summary>
    public async Task<ChannelResult> SendAsync(string telegramHtml, int firstPart, CancellationToken cancellationToken)
    {
        var bodies = client.Bodies(telegramHtml);
        for (var part = firstPart; part < bodies.Count; part++)
        {
            if (!limiter.TryTake(out var next))
            {
                return ChannelResult.Deferred(next, $"the limit of {limiter.PerMinute} messages a minute for {robot}") with { PartsSent = part };
            }
            var result = await client.PostAsync(robot, bodies[part], cancellationToken);
            if (result.Outcome == ChannelOutcome.Deferred)
            {
                return result with { RetryAt = limiter.NoteRateError(result.RetryAt ?? DateTimeOffset.MinValue), PartsSent = part };
            }
            if (result.Outcome != ChannelOutcome.Sent)
            {
                return result with { PartsSent = part };
            }
            limiter.NoteSent();
        }
        return ChannelResult.Sent(bodies.Count);
    }
}
