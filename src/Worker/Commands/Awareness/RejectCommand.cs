namespace Bot.Worker.Commands.Awareness;

/// <summary>/reject ID: a proposed alert is dropped.</summary>
internal sealed class RejectCommand(BroadcastDecider decision) : ICommandHandler
{
    public string Name => "reject";

    public CommandAccess Access => CommandAccess.Admin;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        context.Arguments.Count == 1
            ? decision.DecideAsync(context, context.Arguments[0], approve: false, cancellationToken)
            : throw new UsageException(context.Arguments.Count == 0 ? UsageProblem.MissingArguments : UsageProblem.BadArguments);
}
