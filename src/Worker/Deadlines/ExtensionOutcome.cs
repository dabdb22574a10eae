namespace Bot.Worker.Deadlines;

internal enum ExtensionOutcome
{
    Approved,
    Denied,
    AlreadyDecided,
    NotAllowed,
    NotFound,
}
