using Bot.Worker.Audit;
using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Awareness;

public static class AwarenessHostBuilderExtensions
{
    /// <summary>Chats, subscriptions, the consent log, tips, /forget and the audit log.</summary>
    public static IHostApplicationBuilder AddAwareness(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ChatStore>();
        services.AddSingleton<SubscriptionStore>();
        services.AddSingleton<IBlockedChatHandler>(sp => sp.GetRequiredService<SubscriptionStore>());
        services.AddSingleton<ForgetService>();
        services.AddSingleton<TopicView>();
        services.AddSingleton<TipRotation>();
        services.AddSingleton<TipModel>();
        services.AddSingleton<AuditLog>();
        return builder;
    }
}
