using System.Globalization;
using Bot.Worker.Awareness;
using Bot.Worker.Chats;
using Bot.Worker.Deadlines;

namespace Bot.Worker.Commands.Awareness;

/// <summary>/approve ID and /reject ID (and their buttons): a different admin decides a proposed alert.</summary>
internal sealed class BroadcastDecider(BroadcastService broadcasts, BroadcastStore store, BroadcastNotices notices, RecipientDirectory recipients)
{
    public async Task<BroadcastDecision> DecideAsync(CommandContext context, string id, bool approve, CancellationToken ct)
    {
        if (!long.TryParse(id.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw new UsageException(UsageProblem.BadArguments, id);
        }
        var (outcome, b) = await broadcasts.DecideAsync(number, context.User.Id, approve, ct);
        var audience = b is null ? 0 : await store.AudienceAsync(b.Topic, ct);
        var me = await recipients.NameAsync(context.User.Id, ct);
        await context.ReplyAsync("broadcast-decision", notices.Decision(outcome, number, b, audience, outcome is BroadcastDecision.Approved or BroadcastDecision.Rejected ? me : "", context.Language), ct: ct);
        if (outcome is BroadcastDecision.Approved or BroadcastDecision.Rejected)
        {
            await notices.DecidedAsync(outcome, b!, audience, context.User.Id, ct);
        }
        return outcome;
    }
}
