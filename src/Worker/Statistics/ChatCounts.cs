namespace Bot.Worker.Statistics;

/// <summary>Chats by status.</summary>
internal sealed record ChatCounts(int Active, int Blocked, int Forgotten);
