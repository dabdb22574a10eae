using Quartz;

namespace Bot.Worker.Storage;

/// <summary>How Quartz's persistent store uses the app's database, and this node's id when the store is clustered.</summary>
public sealed record QuartzStorage(Action<IPersistentStoreBuilder> Configure, string? ClusterInstanceId);
