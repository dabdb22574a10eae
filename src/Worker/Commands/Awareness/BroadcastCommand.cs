using Bot.Worker.Awareness;

namespace Bot.Worker.Commands.Awareness;

/// <summary>
/// /broadcast TOPIC TEMPLATE: proposes an alert to the topic's subscribers. The proposer gets the id and
/// a preview; every other admin a notice with Approve/Reject. Nothing is sent before another admin approves.
/// </summary>
internal sealed class BroadcastCommand(BroadcastService broadcasts, BroadcastStore store, BroadcastNotices notices, TopicView topics) : ICommandHandler
{
    public string Name => "broadcast";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count < 2)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        var topic = Topics.Parse(context.Arguments[0]) ?? throw new UsageException(UsageProblem.BadArguments, context.Arguments[0]);
        var template = CampaignsFileParser.BroadcastTemplates.FirstOrDefault(t => t == context.Arguments[1])
            ?? throw new UsageException(UsageProblem.BadArguments, context.Arguments[1]);
        var id = await broadcasts.ProposeAlertAsync(topic, template, context.User.Id, "alert:" + context.Update.Key, cancellationToken);
        var b = (await store.FindAsync(id, cancellationToken))!;
        var audience = await store.AudienceAsync(topic, cancellationToken);
        await context.ReplyAsync("broadcast-proposed", new { Id = id, Topic = topics.Name(context.Language, topic), Template = template, Audience = audience }, ct: cancellationToken);
        await context.SendAsync(notices.Preview(b, context.Recipient), template, cancellationToken);
        await notices.PendingAsync(b, audience, context.User.Id, cancellationToken);
    }
}
