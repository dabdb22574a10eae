using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Team;

/// <summary>/done ID: closes the current occurrence for the whole team (refused, saying how many, while a batch's items are pending).</summary>
internal sealed class DoneCommand(OccurrenceResolver resolver, DeadlineActions actions, DeadlineView view) : ICommandHandler
{
    public string Name => "done";

    public CommandAccess Access => CommandAccess.TeamMember;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var occurrence = await resolver.RequireAsync(context, cancellationToken);
        var outcome = await actions.DoneAsync(occurrence, context.User.Id, cancellationToken);
        await context.ReplyAsync("deadline-ack", new
        {
            outcome.Action,
            outcome.Pending,
            Deadline = view.Deadline(occurrence, context.Recipient),
            Until = "",
            Capped = false,
            Extension = "",
        }, ct: cancellationToken);
    }
}
