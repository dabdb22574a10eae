namespace Bot.Worker.Deadlines;

/// <summary>A team from deadlines.yaml; members who /join with an invite are added in the database.</summary>
internal sealed record TeamDefinition(string Id, string Name, long Lead, IReadOnlyList<long> Members, long? Group);
