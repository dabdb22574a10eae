namespace Bot.Worker.Deadlines;

/// <summary>
/// What an ack link's page shows: what the link would do (its action, the occurrence, for whom), or why it will not
/// (<see cref="Problem"/>: altered, expired, unknown, closed, decided, used). A robot's link lists the team's members
/// (<see cref="Members"/>) to ask who is acting.
/// </summary>
internal sealed record AckView(string? Problem, AckTicket? Ticket = null, Occurrence? Occurrence = null)
{
    /// <summary>The person the link is for (a person's link).</summary>
    public long? PersonId { get; init; }

    public string? PersonName { get; init; }

    /// <summary>The robot whose message carried the link (a robot's link).</summary>
    public string? Robot { get; init; }

    public IReadOnlyList<(long Id, string Name)> Members { get; init; } = [];

    /// <summary>After a refused Done: how many of the occurrence's items (a batch's numbers) are still pending.</summary>
    public int Pending { get; init; }

    /// <summary>For Approve and Deny: who asked, for how long, and why.</summary>
    public ExtensionRequest? Request { get; init; }

    public string? RequesterName { get; init; }

    /// <summary>Closed: by whom and when; used: when.</summary>
    public string? ClosedBy { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DateTimeOffset? UsedAt { get; init; }

    /// <summary>The team's display name.</summary>
    public string Team { get; init; } = "";

    public static AckView Refused(string problem) => new(problem);
}
