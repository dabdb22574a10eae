using Bot.Worker.Awareness;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Public;

/// <summary>The /topics buttons ("topic:tips"): flips the topic and redraws the buttons in place.</summary>
internal sealed class TopicToggleButton(SubscriptionStore subscriptions, TopicView topics, IBotTransport transport) : ICallbackHandler
{
    public string Prefix => "topic";

    public async Task<string?> HandleAsync(CommandContext context, string argument, CancellationToken cancellationToken)
    {
        var topic = Topics.Parse(argument);
        if (topic is null || context.Update is not IncomingCallback callback)
        {
            return null;
        }
        var subscribed = await subscriptions.GetAsync(context.ChatId, cancellationToken);
        var on = !subscribed.Contains(topic);
        if (on)
        {
            await subscriptions.SubscribeAsync(context.ChatId, [topic], "button", cancellationToken);
        }
        else
        {
            await subscriptions.UnsubscribeAsync(context.ChatId, [topic], "button", cancellationToken);
        }
        var now = await subscriptions.GetAsync(context.ChatId, cancellationToken);
        await transport.EditButtonsAsync(context.ChatId, callback.MessageId, topics.ToggleButtons(context.Language, now), cancellationToken);
        return $"{(on ? "✅" : "⬜")} {topics.Name(context.Language, topic)}";
    }
}
