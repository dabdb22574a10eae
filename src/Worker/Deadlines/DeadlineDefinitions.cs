namespace Bot.Worker.Deadlines;

/// <summary>
/// The definition behind an occurrence: deadlines.yaml's entry, or the one its owner gives (<see cref="IOccurrenceOwner"/>);
/// and, for an owned occurrence, the work its messages show and what keeps Done from closing it.
/// </summary>
internal sealed class DeadlineDefinitions(DeadlineConfigSource config, IEnumerable<IOccurrenceOwner> owners)
{
    private readonly IReadOnlyList<IOccurrenceOwner> _owners = [.. owners];

    public async Task<DeadlineDefinition?> ForAsync(Occurrence occurrence, CancellationToken ct) =>
        config.Current.Deadline(occurrence.DeadlineId)
        ?? (Owner(occurrence) is { } owner ? await owner.DefinitionAsync(occurrence, ct) : null);

    /// <summary>The owner's work for the templates; null for an occurrence of deadlines.yaml.</summary>
    public async Task<object?> WorkAsync(Occurrence occurrence, CancellationToken ct) =>
        Owner(occurrence) is { } owner ? await owner.WorkAsync(occurrence, ct) : null;

    public async Task<int> PendingBeforeDoneAsync(Occurrence occurrence, CancellationToken ct) =>
        Owner(occurrence) is { } owner ? await owner.PendingBeforeDoneAsync(occurrence, ct) : 0;

    private IOccurrenceOwner? Owner(Occurrence occurrence) =>
        config.Current.Deadline(occurrence.DeadlineId) is null ? _owners.FirstOrDefault(o => o.Owns(occurrence.DeadlineId)) : null;
}
