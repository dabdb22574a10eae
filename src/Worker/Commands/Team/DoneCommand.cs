using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Team;

/// <summary>/done ID: closes the current occurrence for the whole team.</summary>
internal sealed class DoneCommand(OccurrenceResolver resolver, DeadlineActions actions, DeadlineView view) : ICommandHandler
{
    public string Name => "done";

    public CommandAccess Access => CommandAccess.TeamMember;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var occurrence = await resolver.RequireAsync(context, cancellationToken);
        var closed = await actions.DoneAsync(occurrence, context.User.Id, cancellationToken);
        await context.ReplyAsync("deadline-ack", new
        {
            Action = closed ? "done" : "already_closed",
            Deadline = view.Deadline(occurrence, context.Recipient),
            Until = "",
            Capped = false,
            Extension = "",
        }, ct: cancellationToken);
    }
}
