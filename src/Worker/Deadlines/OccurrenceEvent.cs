namespace Bot.Worker.Deadlines;

/// <summary>One line of an occurrence's evidence: who was reminded or acted, when (set on write), and with which template version.</summary>
internal sealed record OccurrenceEvent(long OccurrenceId, string Kind, long? UserId, long? ChatId = null, string? Step = null, int? TemplateVersion = null, string? Detail = null);
