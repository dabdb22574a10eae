using Bot.Worker.Audit;
using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bot.Worker.Awareness;

public static class AwarenessHostBuilderExtensions
{
    /// <summary>Chats, subscriptions, the consent log, tips, /forget, the audit log, campaigns and broadcasts.</summary>
    public static IHostApplicationBuilder AddAwareness(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ChatStore>();
        services.AddSingleton<RecipientDirectory>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<ChatBlocking>();
        services.AddSingleton<IBlockedChatHandler>(sp => sp.GetRequiredService<ChatBlocking>());
        services.AddSingleton<TipHistoryStore>();
        services.AddSingleton<ForgetService>();
        services.AddSingleton<TopicView>();
        services.AddSingleton<TipRotation>();
        services.AddSingleton<TipModel>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<CampaignConfigSource>();
        services.AddSingleton<CampaignScheduler>();
        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<BroadcastQueue>();
        services.AddSingleton<BroadcastModels>();
        services.AddSingleton<BroadcastEnqueuer>();
        services.AddSingleton<BroadcastService>();
        services.AddSingleton<BroadcastNotices>();
        services.AddSingleton<PaidBroadcasts>();
        services.AddSingleton<AlertTexts>();
        services.AddSingleton<BroadcastProposals>();
        services.AddTransient<CampaignJob>();
        services.AddHostedService<AwarenessStartup>();
        services.AddHostedService<BroadcastWorker>();
        return builder;
    }

    /// <summary>The job campaign triggers fire.</summary>
    public static void AddCampaignJobs(this IQuartzBuilder quartz) =>
        quartz.AddJob<CampaignJob>(job => job.WithIdentity(CampaignJob.Key).StoreDurably().RequestRecovery());
}
