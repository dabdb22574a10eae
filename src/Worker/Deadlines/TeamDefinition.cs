namespace Bot.Worker.Deadlines;

/// <summary>
/// A team from deadlines.yaml; members who /join with an invite are added in the database. <paramref name="Lead"/> is a
/// person id (a Telegram id, or the id of a member known only by email); <paramref name="Members"/> the Telegram ids;
/// <see cref="Contacts"/> the members written as mappings (their email and name); <see cref="Robots"/> the
/// group robots (names under Channels:Robots) that also get the team's messages.
/// </summary>
internal sealed record TeamDefinition(string Id, string Name, long Lead, IReadOnlyList<long> Members, long? Group)
{
    public IReadOnlyList<TeamContact> Contacts { get; init; } = [];

    public IReadOnlyList<string> Robots { get; init; } = [];
}
