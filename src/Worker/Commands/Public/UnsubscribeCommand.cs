using Bot.Worker.Awareness;

namespace Bot.Worker.Commands.Public;

/// <summary>/unsubscribe [topic ...]: opt out of the topics named, or of all of them.</summary>
internal sealed class UnsubscribeCommand(SubscriptionStore subscriptions, TopicView topics) : ICommandHandler
{
    public string Name => "unsubscribe";

    public CommandAccess Access => CommandAccess.Anyone;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        OptOutAsync(context, TopicArguments.Parse(context.Arguments), "/unsubscribe", cancellationToken);

    internal async Task OptOutAsync(CommandContext context, IReadOnlyList<string>? wanted, string source, CancellationToken ct)
    {
        var changed = await subscriptions.UnsubscribeAsync(context.ChatId, wanted, source, ct);
        var now = await subscriptions.GetAsync(context.ChatId, ct);
        await context.ReplyAsync("unsubscribed", new
        {
            Changed = topics.Names(context.Language, changed),
            All = now.Count == 0,
            Topics = topics.Items(context.Language, now),
        }, ct: ct);
    }
}
