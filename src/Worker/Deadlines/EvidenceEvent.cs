namespace Bot.Worker.Deadlines;

/// <summary>A stored line of an occurrence's evidence (see <see cref="OccurrenceEvent"/>), with its id and time.</summary>
internal sealed record EvidenceEvent
{
    public long Id { get; init; }
    public long At { get; init; }
    public string Kind { get; init; } = "";
    public long? UserId { get; init; }
    public long? ChatId { get; init; }
    public string? Step { get; init; }

    /// <summary>The template version the recipient saw (0: the shipped file); null where none was recorded.</summary>
    public int? TemplateVersion { get; init; }

    public string? Detail { get; init; }
}
