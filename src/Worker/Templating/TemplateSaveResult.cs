namespace Bot.Worker.Templating;

/// <summary>What saving a template came to: the new live version, or the problem (line, column, message) and the version still live.</summary>
internal sealed record TemplateSaveResult(TemplateEditOutcome Outcome, int? Version, TemplateProblem? Problem, int LiveVersion);
