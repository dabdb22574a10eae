using Bot.Worker.Awareness;

namespace Bot.Worker.Commands.Public;

/// <summary>/topics: each topic and this chat's state, with a toggle button per topic.</summary>
internal sealed class TopicsCommand(SubscriptionStore subscriptions, TopicView topics) : ICommandHandler
{
    public string Name => "topics";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var subscribed = await subscriptions.GetAsync(context.ChatId, cancellationToken);
        await context.ReplyAsync(
            "topics",
            new { Topics = topics.Items(context.Language, subscribed) },
            topics.ToggleButtons(context.Language, subscribed),
            cancellationToken);
    }
}
