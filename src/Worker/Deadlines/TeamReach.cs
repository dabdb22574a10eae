namespace Bot.Worker.Deadlines;

/// <summary>Where a team's messages go: its members (with Telegram, email or both), its Telegram group chat, its group robots.</summary>
internal sealed record TeamReach(IReadOnlyList<TeamContact> Members, long? Group, IReadOnlyList<string> Robots);
