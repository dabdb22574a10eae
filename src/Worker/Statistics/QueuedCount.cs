using Bot.Worker.Delivery;

namespace Bot.Worker.Statistics;

/// <summary>Messages waiting in the outbox at one priority: ready now (pending or being sent) and deferred to later.</summary>
internal sealed record QueuedCount(MessagePriority Priority, int Ready, int Deferred);
