using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Delivery;

public static class DeliveryHostBuilderExtensions
{
    /// <summary>
    /// The outbox and the dispatcher that drains it: Telegram rows under Telegram's limits, the group robots' and
    /// emails' rows through their channels (registered by AddChannels) under theirs.
    /// </summary>
    public static IHostApplicationBuilder AddDelivery(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DispatchSignal>();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<OutboxStore>());
        builder.Services.AddSingleton<OutboxDeliveryStore>();
        builder.Services.AddSingleton<SendGate>();
        builder.Services.AddSingleton<IDeliveryChannel, TelegramDelivery>();
        builder.Services.AddSingleton<IDeliveryChannel, RobotDelivery>();
        builder.Services.AddSingleton<IDeliveryChannel, EmailDelivery>();
        builder.Services.AddSingleton<DeliveryRoutes>();
        builder.Services.AddSingleton<ChannelBoard>();
        builder.Services.AddSingleton<SendFailures>();
        builder.Services.AddSingleton<Courier>();
        builder.Services.AddSingleton<Dispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Dispatcher>());
        return builder;
    }
}
