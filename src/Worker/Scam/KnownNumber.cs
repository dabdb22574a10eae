namespace Bot.Worker.Scam;

/// <summary>One entry of known-numbers.yaml; Value is normalized (phone digits, QQ digits, WeChat id lower-case).</summary>
internal sealed record KnownNumber(EntityKind Type, string Value, KnownNumberKind Kind, string Note, DateOnly? Date);
