namespace Bot.Worker.Statistics;

/// <summary>Outbox rows of one channel (telegram, robot, email) by state, created in the last 24 h and 7 days.</summary>
internal sealed record ChannelCounts(string Channel, DeliveryCounts Day, DeliveryCounts Week);
