namespace Bot.Worker.Awareness;

/// <summary>
/// An admin proposes an alert to a topic: either a broadcast template (<see cref="Template"/>) or their own
/// text (<see cref="Text"/>, rendered inside <c>alert</c>). <see cref="RunKey"/> ties it to what proposed it
/// (the Telegram update, a web form's id), so a repeat proposes nothing new.
/// </summary>
internal sealed record AlertProposal(long AdminId, string Topic, string? Template, string? Text, string RunKey);
