namespace Bot.Worker.Templating;

/// <summary>
/// A draft template previewed: what it renders to with its kind's sample (null when it does not parse or
/// render), and the first problem a save would refuse it for (null when a save would take it).
/// </summary>
internal sealed record DraftPreview(string? Html, TemplateProblem? Problem);
