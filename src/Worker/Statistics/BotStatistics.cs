using Bot.Worker.Scam;

namespace Bot.Worker.Statistics;

/// <summary>
/// What /stats and the console dashboard show, as numbers: no language, no layout. The doors name topics
/// and format the ETA in the reader's language.
/// </summary>
internal sealed record BotStatistics(
    DateTimeOffset At,
    IReadOnlyList<TopicSubscribers> Topics,
    ChatCounts Chats,
    DeliveryCounts Day,
    DeliveryCounts Week,
    IReadOnlyList<QueuedCount> Queue,
    BroadcastProgress? Broadcast,
    CheckSummary Checks,
    IReadOnlyList<ChannelCounts> ByChannel);
