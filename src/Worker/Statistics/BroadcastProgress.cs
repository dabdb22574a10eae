namespace Bot.Worker.Statistics;

/// <summary>The latest broadcast and how far it got; <see cref="Eta"/> is null when nothing is left to send.</summary>
internal sealed record BroadcastProgress(
    long Id, string Kind, string Name, string Topic, string State, int Total, int Queued, int Sent, int Blocked, int Failed, int Deferred, TimeSpan? Eta,
    int PaidSent = 0)
{
    /// <summary>Telegram Stars this broadcast spent on paid sends ("" when it sent none that way).</summary>
    public string Stars => PaidSent > 0 ? Awareness.PaidBroadcasts.Stars(PaidSent) : "";

    /// <summary>Finished rows (sent, blocked, failed) in percent of the total; 0 before the total is known.</summary>
    public int Percent => Total > 0 ? (Sent + Blocked + Failed) * 100 / Total : 0;
}
