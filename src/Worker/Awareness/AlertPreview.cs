namespace Bot.Worker.Awareness;

/// <summary>
/// What a proposal would send before it is made: the Telegram HTML the proposer would get as a preview and
/// the topic's audience now, or the refusal proposing it would get (<see cref="Problem"/>).
/// </summary>
internal sealed record AlertPreview(ProposalResult? Problem, string Html = "", int Audience = 0);
