using Bot.Worker.Awareness;

namespace Bot.Worker.Commands.Public;

/// <summary>/start: welcome, what the bot does, how to subscribe. The chat is recorded by the router.</summary>
internal sealed class StartCommand(SubscriptionStore subscriptions, TopicView topics) : ICommandHandler
{
    public string Name => "start";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var subscribed = await subscriptions.GetAsync(context.ChatId, cancellationToken);
        await context.ReplyAsync("welcome", new
        {
            Topics = topics.Items(context.Language, subscribed),
            SubscribedAny = subscribed.Count > 0,
        }, ct: cancellationToken);
    }
}
