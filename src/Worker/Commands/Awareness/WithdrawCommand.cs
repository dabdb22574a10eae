namespace Bot.Worker.Commands.Awareness;

/// <summary>/withdraw ID: the proposer takes back their alert before another admin decides it.</summary>
internal sealed class WithdrawCommand(BroadcastDecider decision) : ICommandHandler
{
    public string Name => "withdraw";

    public CommandAccess Access => CommandAccess.Admin;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        context.Arguments.Count == 1
            ? decision.WithdrawAsync(context, context.Arguments[0], cancellationToken)
            : throw new UsageException(context.Arguments.Count == 0 ? UsageProblem.MissingArguments : UsageProblem.BadArguments);
}
