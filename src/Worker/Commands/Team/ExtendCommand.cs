using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Team;

/// <summary>
/// /extend ID [DURATION] REASON: asks the team lead for more time (1 day unless the reason starts
/// with a duration such as 2d); the lead gets Approve/Deny buttons.
/// </summary>
internal sealed class ExtendCommand(OccurrenceResolver resolver, DeadlineActions actions, DeadlineView view) : ICommandHandler
{
    public string Name => "extend";

    public CommandAccess Access => CommandAccess.TeamMember;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count < 2)
        {
            throw new UsageException(UsageProblem.MissingArguments, "a reason");
        }
        var occurrence = await resolver.RequireAsync(context, cancellationToken);
        var requested = Durations.Parse(context.Arguments[1]);
        var extension = requested is { Approximate.TotalMinutes: >= 1 } ? requested.Approximate : DeadlineActions.DefaultExtension;
        var reason = string.Join(' ', context.Arguments.Skip(requested is null ? 1 : 2));
        if (reason.Length == 0)
        {
            throw new UsageException(UsageProblem.MissingArguments, "a reason");
        }
        await actions.RequestExtensionAsync(occurrence, context.User.Id, reason, extension, cancellationToken);
        await context.ReplyAsync("deadline-ack", new
        {
            Action = "extension_requested",
            Deadline = view.Deadline(occurrence, context.Recipient),
            Until = "",
            Capped = false,
            Extension = view.Words(extension, context.Language),
            Pending = 0,
        }, ct: cancellationToken);
    }
}
