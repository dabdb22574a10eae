using Bot.Worker.Awareness;

namespace Bot.Worker.Commands.Public;

/// <summary>/subscribe [topic ...]: opt in; no topic means the default topics.</summary>
internal sealed class SubscribeCommand(SubscriptionStore subscriptions, TopicView topics) : ICommandHandler
{
    public string Name => "subscribe";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var wanted = TopicArguments.Parse(context.Arguments) ?? Topics.Default;
        var changed = await subscriptions.SubscribeAsync(context.ChatId, wanted, "/subscribe", cancellationToken);
        var now = await subscriptions.GetAsync(context.ChatId, cancellationToken);
        await context.ReplyAsync("subscribed", new
        {
            Changed = topics.Names(context.Language, changed),
            Topics = topics.Items(context.Language, now),
        }, ct: cancellationToken);
    }
}
