using Quartz;

namespace Bot.Worker.Awareness;

/// <summary>A campaign's time has come: starts its broadcast run.</summary>
internal sealed class CampaignJob(BroadcastService broadcasts) : IJob
{
    public const string CampaignKey = "campaign";
    public static readonly JobKey Key = new("campaign-run", "campaigns");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await broadcasts.StartCampaignRunAsync(context.MergedJobDataMap.GetString(CampaignKey)!, context.ScheduledFireTimeUtc ?? context.FireTimeUtc, cancellationToken);
}
