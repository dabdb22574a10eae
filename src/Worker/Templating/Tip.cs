namespace Bot.Worker.Templating;

/// <summary>One anti-fraud tip of the library, in every language it was written in.</summary>
internal sealed record Tip(string Id, string Scam, IReadOnlyDictionary<string, TipText> Texts);
