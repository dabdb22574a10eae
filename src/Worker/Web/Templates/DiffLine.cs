namespace Bot.Worker.Web.Templates;

/// <summary>One line of a diff between two versions.</summary>
internal sealed record DiffLine(DiffLineKind Kind, string Text);
