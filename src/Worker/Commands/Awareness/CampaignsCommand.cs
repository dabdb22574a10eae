using System.Globalization;
using Bot.Worker.Awareness;
using Bot.Worker.Common;

namespace Bot.Worker.Commands.Awareness;

/// <summary>/campaigns: the campaigns in campaigns.yaml with their schedule and next run.</summary>
internal sealed class CampaignsCommand(CampaignConfigSource campaigns, CampaignScheduler scheduler, TopicView topics) : ICommandHandler
{
    public string Name => "campaigns";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var zone = context.Recipient.TimeZone;
        var items = new List<object>();
        foreach (var c in campaigns.Current)
        {
            var next = await scheduler.NextRunAsync(c.Id, cancellationToken);
            items.Add(new
            {
                c.Id,
                Topic = topics.Name(context.Language, c.Topic),
                c.Template,
                Schedule = c.Cron is { } cron ? "cron " + cron.CronExpressionString : "at " + c.At!.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                Next = next is { } n ? LocalTime.Text(n, zone) : "",
            });
        }
        await context.ReplyAsync("campaign-list", new { Campaigns = items }, ct: cancellationToken);
    }
}
