using System.Globalization;
using Bot.Worker.Awareness;
using Bot.Worker.Chats;

namespace Bot.Worker.Commands.Awareness;

/// <summary>/approve ID and /reject ID (and their buttons): reads the id, calls <see cref="BroadcastProposals"/>, replies.</summary>
internal sealed class BroadcastDecider(BroadcastProposals proposals, BroadcastNotices notices, RecipientDirectory recipients)
{
    public async Task<BroadcastDecision> DecideAsync(CommandContext context, string id, bool approve, CancellationToken ct)
    {
        if (!long.TryParse(id.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new UsageException(UsageProblem.BadArguments, id);
        }
        var result = approve
            ? await proposals.ApproveAsync(number, context.User.Id, ct)
            : await proposals.RejectAsync(number, context.User.Id, ct);
        var me = result.Decided ? await recipients.NameAsync(context.User.Id, ct) : "";
        await context.ReplyAsync("broadcast-decision", notices.Decision(result.Outcome, number, result.Broadcast, result.Audience, me, context.Language), ct: ct);
        return result.Outcome;
    }
}
