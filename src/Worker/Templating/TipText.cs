namespace Bot.Worker.Templating;

/// <summary>A tip's title and body in one language (plain text).</summary>
internal sealed record TipText(string Title, string Body);
