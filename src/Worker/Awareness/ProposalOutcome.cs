namespace Bot.Worker.Awareness;

internal enum ProposalOutcome
{
    Proposed,
    UnknownTopic,
    UnknownTemplate,
    EmptyText,
    TextTooLong,
    TemplateIgnoresText,
}
