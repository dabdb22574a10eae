using System.Globalization;
using Bot.Worker.Batches;

namespace Bot.Worker.Commands.Batches;

/// <summary>/batch ID: the batch's progress and its next pending items, each with Suspended / Not suspended / Reopened buttons.</summary>
internal sealed class BatchCommand(BatchStore store, BatchWork work, BatchView view) : ICommandHandler
{
    public string Name => "batch";

    public CommandAccess Access => CommandAccess.TeamMember;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var batch = await RequireAsync(context, store, work, cancellationToken);
        await view.ReplyAsync(context, batch, null, cancellationToken);
    }

    /// <summary>The batch the first argument names, if this user may act on it; else the usage hint.</summary>
    public static async Task<Batch> RequireAsync(CommandContext context, BatchStore store, BatchWork work, CancellationToken ct)
    {
        if (context.Arguments.Count == 0)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        var text = context.Arguments[0].TrimStart('#');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await store.FindAsync(id, ct) is { } batch && await work.MayActAsync(batch, context.User.Id, context.IsAdmin, ct)
            ? batch
            : throw new UsageException(UsageProblem.BadArguments, context.Arguments[0]);
    }
}
