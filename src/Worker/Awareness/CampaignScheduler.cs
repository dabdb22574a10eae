using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bot.Worker.Awareness;

/// <summary>
/// One Quartz trigger per campaign (group "campaigns") in Bot:TimeZone. A cron campaign missed during
/// downtime fires once when the worker is back, not once per missed slot; an <c>at</c> already past
/// when the file first names it is skipped. Only campaigns whose definition changed are rescheduled.
/// </summary>
internal sealed partial class CampaignScheduler(ISchedulerFactory factory, BotSettings settings, TimeProvider clock, ILogger<CampaignScheduler> logger)
{
    public const string Group = "campaigns";
    private const string FingerprintKey = "fingerprint";

    public async Task SyncAsync(IReadOnlyList<CampaignDefinition> campaigns, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        var existing = await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Group), ct);
        foreach (var gone in existing.Where(k => campaigns.All(c => c.Id != k.Name)))
        {
            await scheduler.UnscheduleJob(gone, ct);
        }
        foreach (var campaign in campaigns)
        {
            var key = new TriggerKey(campaign.Id, Group);
            var current = await scheduler.GetTrigger(key, ct);
            if (current?.JobDataMap.GetString(FingerprintKey) == campaign.Fingerprint)
            {
                continue;
            }
            if (Build(campaign, key) is { } trigger)
            {
                await scheduler.ScheduleJob(trigger, ScheduleJobOptions.Replacing, ct);
            }
            else if (current is not null)
            {
                await scheduler.UnscheduleJob(key, ct);
            }
        }
    }

    /// <summary>The next run of each campaign, for /campaigns.</summary>
    public async Task<DateTimeOffset?> NextRunAsync(string campaignId, CancellationToken ct)
    {
        var scheduler = await factory.GetScheduler(ct);
        return (await scheduler.GetTrigger(new TriggerKey(campaignId, Group), ct))?.NextFireTimeUtc;
    }

    private ITrigger? Build(CampaignDefinition campaign, TriggerKey key)
    {
        var builder = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(CampaignJob.Key)
            .UsingJobData(CampaignJob.CampaignKey, campaign.Id)
            .UsingJobData(FingerprintKey, campaign.Fingerprint);
        if (campaign.Cron is { } cron)
        {
            return builder.WithCronSchedule(cron.CronExpressionString, c => c.InTimeZone(settings.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
        }
        var at = LocalTime.ToInstant(campaign.At!.Value, settings.TimeZone);
        if (at <= clock.GetUtcNow())
        {
            LogPast(campaign.Id, at);
            return null;
        }
        return builder.StartAt(at).WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();
    }

    [LoggerMessage(LogLevel.Information, "Campaign {Campaign} was set for {At}, already past: not scheduled")]
    private partial void LogPast(string campaign, DateTimeOffset at);
}
