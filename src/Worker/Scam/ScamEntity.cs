namespace Bot.Worker.Scam;

/// <summary>A number, account or link found in a message; Value is normalized (numbers) or as written (links).</summary>
internal sealed record ScamEntity(EntityKind Kind, string Value, string? Host = null);
