namespace Bot.Worker.Storage;

/// <summary>One schema step: version, name and the SQL that applies it.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
