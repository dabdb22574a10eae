using Bot.Worker.Channels;
using Bot.Worker.Transport;

namespace Bot.Worker.Delivery;

/// <summary>
/// The group robots of Channels:Robots (WeCom, DingTalk, Feishu): each robot is a route with its own limiter. When more
/// rows wait for a robot than its limit lets out now, they go as one digest, as many lines as fit the posts it has.
/// </summary>
internal sealed class RobotDelivery(RobotChannels robots, TimeProvider clock) : IDeliveryChannel
{
    public string Name => DeliveryRoute.Robot;

    public int MaxInFlight => int.MaxValue;

    public DateTimeOffset? ReadyAt(OutboxRow row) => robots.Find(row.Address ?? "")?.Limiter.ReadyAt();

    public OutboxRow Digest(OutboxRow first, IReadOnlyList<OutboxRow> waiting)
    {
        if (robots.Find(first.Address ?? "") is not { } robot || first.DigestLine is null || waiting.Count == 0)
        {
            return first;
        }
        var free = robot.Limiter.Free();
        var candidates = (List<OutboxRow>)[first, .. waiting];
        if (candidates.Count <= free)
        {
            return first;
        }
        // The most rows whose digest fits the posts the robot has now (a long digest is split, a post per part).
        var (fits, tooMany) = (1, candidates.Count + 1);
        while (tooMany - fits > 1)
        {
            var middle = (fits + tooMany) / 2;
            (fits, tooMany) = robot.Parts(DigestText.Of(candidates.Take(middle))) <= Math.Max(1, free) ? (middle, tooMany) : (fits, middle);
        }
        return fits < 2 ? first : first with { Merged = candidates[1..fits] };
    }

    public async Task<SendResult> SendAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        if (robots.Find(row.Address ?? "") is not { } robot)
        {
            return SendResult.Failed(SendOutcome.Rejected, $"no robot '{row.Address}' under Channels:Robots");
        }
        var digest = row.Merged.Count > 0;
        var result = await robot.SendAsync(digest ? DigestText.Of(row.All) : row.Text, digest ? 0 : row.PartsSent, cancellationToken);
        return ChannelResults.ToSendResult(result, clock.GetUtcNow());
    }
}
