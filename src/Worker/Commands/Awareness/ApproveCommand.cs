namespace Bot.Worker.Commands.Awareness;

/// <summary>/approve ID: another admin's proposed alert goes out.</summary>
internal sealed class ApproveCommand(BroadcastDecider decision) : ICommandHandler
{
    public string Name => "approve";

    public CommandAccess Access => CommandAccess.Admin;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        context.Arguments.Count == 1
            ? decision.DecideAsync(context, context.Arguments[0], approve: true, cancellationToken)
            : throw new UsageException(context.Arguments.Count == 0 ? UsageProblem.MissingArguments : UsageProblem.BadArguments);
}
