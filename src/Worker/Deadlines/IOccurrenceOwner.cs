namespace Bot.Worker.Deadlines;

/// <summary>
/// A feature that makes occurrences of its own rather than through deadlines.yaml (a batch's "act" and "report"): the
/// definition their steps follow, the work their reminders show, and what keeps Done from closing one. Implemented by
/// the feature (Batches), so the runner, the notifier and Done treat its occurrences like the file's.
/// </summary>
internal interface IOccurrenceOwner
{
    /// <summary>Whether this owner made the occurrences of <paramref name="deadlineId"/> (ids the file cannot hold).</summary>
    bool Owns(string deadlineId);

    /// <summary>The definition an owned occurrence's steps follow (ladder, escalation, templates, zone); null when it is gone.</summary>
    Task<DeadlineDefinition?> DefinitionAsync(Occurrence occurrence, CancellationToken ct);

    /// <summary>What the occurrence's reminders and escalations show besides the deadline (their templates' <c>work</c>).</summary>
    Task<object> WorkAsync(Occurrence occurrence, CancellationToken ct);

    /// <summary>How many things keep Done from closing the occurrence (0: Done may close it).</summary>
    Task<int> PendingBeforeDoneAsync(Occurrence occurrence, CancellationToken ct);
}
