namespace Bot.Worker.Deadlines;

/// <summary>What the console shows of one occurrence: the occurrence, every evidence line, the extension requests, and display names of the people in them.</summary>
internal sealed record OccurrenceEvidence(
    Occurrence Occurrence,
    string TeamName,
    IReadOnlyList<EvidenceEvent> Events,
    IReadOnlyList<ExtensionRecord> Extensions,
    IReadOnlyDictionary<long, string> Names)
{
    /// <summary>Evidence kinds that are a message sent to someone about the occurrence (reminders, overdue notices, escalations).</summary>
    public static readonly IReadOnlySet<string> ReminderKinds = new HashSet<string>(StringComparer.Ordinal) { "reminded", "overdue_notice", "escalated" };

    public IEnumerable<EvidenceEvent> Reminders => Events.Where(e => ReminderKinds.Contains(e.Kind));

    public IEnumerable<EvidenceEvent> Snoozes => Events.Where(e => e.Kind == "snoozed");

    public string Name(long? id) => id is { } known && Names.TryGetValue(known, out var name) ? name : id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
