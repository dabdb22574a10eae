using System.Globalization;
using Bot.Worker.Awareness;
using Bot.Worker.Chats;

namespace Bot.Worker.Commands.Awareness;

/// <summary>/approve ID, /reject ID, /withdraw ID (and the buttons): reads the id, calls <see cref="BroadcastProposals"/>, replies.</summary>
internal sealed class BroadcastDecider(BroadcastProposals proposals, BroadcastNotices notices, RecipientDirectory recipients)
{
    public Task<BroadcastDecision> DecideAsync(CommandContext context, string id, bool approve, CancellationToken ct) =>
        RunAsync(context, id, approve ? proposals.ApproveAsync : proposals.RejectAsync, ct);

    public Task<BroadcastDecision> WithdrawAsync(CommandContext context, string id, CancellationToken ct) =>
        RunAsync(context, id, proposals.WithdrawAsync, ct);

    /// <summary>A button's decision: the id comes parsed from its data.</summary>
    public Task<BroadcastDecision> DecideAsync(CommandContext context, long id, bool approve, CancellationToken ct) =>
        RunAsync(context, id, approve ? proposals.ApproveAsync : proposals.RejectAsync, ct);

    private Task<BroadcastDecision> RunAsync(CommandContext context, string id, Func<long, long, CancellationToken, Task<DecisionResult>> decide, CancellationToken ct) =>
        long.TryParse(id.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? RunAsync(context, number, decide, ct)
            : throw new UsageException(UsageProblem.BadArguments, id);

    private async Task<BroadcastDecision> RunAsync(CommandContext context, long number, Func<long, long, CancellationToken, Task<DecisionResult>> decide, CancellationToken ct)
    {
        var result = await decide(number, context.User.Id, ct);
        var me = result.Decided ? await recipients.NameAsync(context.User.Id, ct) : "";
        await context.ReplyAsync("broadcast-decision", notices.Decision(result.Outcome, number, result.Broadcast, result.Audience, me, context.Language), ct: ct);
        return result.Outcome;
    }
}
