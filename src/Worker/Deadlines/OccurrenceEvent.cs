namespace Bot.Worker.Deadlines;

/// <summary>
/// One line of an occurrence's evidence: who was reminded or acted, when (set on write), and with which template
/// version. A line that records a send names it by its outbox key (<paramref name="SendKey"/>): one line per send.
/// </summary>
internal sealed record OccurrenceEvent(long OccurrenceId, string Kind, long? UserId, long? ChatId = null, string? Step = null, int? TemplateVersion = null, string? Detail = null, string? SendKey = null);
