namespace Bot.Worker.Commands.Public;

/// <summary>/report: how to report fraud (96110 and what to prepare).</summary>
internal sealed class ReportCommand : ICommandHandler
{
    public string Name => "report";

    public CommandAccess Access => CommandAccess.Anyone;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        context.ReplyAsync("report", ct: cancellationToken);
}
