namespace Bot.Worker.Commands.Scam;

/// <summary>/check TEXT, or in a group /check as a reply to a message: the scam check of that text.</summary>
internal sealed class CheckCommand(VerdictReply verdict) : ICommandHandler
{
    public string Name => "check";

    public CommandAccess Access => CommandAccess.Anyone;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var text = context.Args.Length > 0
            ? context.Args
            : (context.Update as Transport.IncomingMessage)?.ReplyToText ?? "";
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        return verdict.SendAsync(context, text, cancellationToken);
    }
}
