namespace Bot.Worker.Deadlines;

/// <summary>The evidence of one occurrence, read for an admin: who was reminded when with which template version, who closed it, snoozes, extensions.</summary>
internal sealed class EvidenceService(OccurrenceStore occurrences, EvidenceStore evidence, MemberNames names, DeadlineConfigSource config)
{
    public async Task<OccurrenceEvidence?> ForAsync(long occurrenceId, CancellationToken ct)
    {
        if (await occurrences.FindAsync(occurrenceId, ct) is not { } o)
        {
            return null;
        }
        var events = await evidence.EventsOfAsync(occurrenceId, ct);
        var extensions = await evidence.ExtensionsOfAsync(occurrenceId, ct);
        var people = events.SelectMany(e => new[] { e.UserId, e.ChatId })
            .Concat(extensions.SelectMany(x => new[] { (long?)x.UserId, x.DecidedBy }))
            .Append(o.ClosedBy)
            .OfType<long>()
            .Distinct();
        return new OccurrenceEvidence(o, config.Current.Team(o.TeamId)?.Name ?? o.TeamId, events, extensions, await names.NamesAsync(people, ct));
    }
}
