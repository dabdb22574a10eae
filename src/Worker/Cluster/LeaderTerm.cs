namespace Bot.Worker.Cluster;

/// <summary>
/// One term of leadership: its number (the fencing token the dispatcher's writes carry; the database refuses them
/// once a later term began) and a token cancelled the moment this node stops leading.
/// </summary>
public readonly record struct LeaderTerm(long Number, CancellationToken Token);
