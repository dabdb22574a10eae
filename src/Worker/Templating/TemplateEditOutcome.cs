namespace Bot.Worker.Templating;

internal enum TemplateEditOutcome
{
    Done,

    /// <summary>The template did not pass the checks; the live version stays.</summary>
    Refused,

    /// <summary>No such template kind, language or version.</summary>
    Unknown,
}
