using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Statistics;

public static class StatisticsHostBuilderExtensions
{
    /// <summary>The statistics use case that /stats and the console dashboard share, and the broadcasts page's list.</summary>
    public static IHostApplicationBuilder AddStatistics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StatisticsService>();
        builder.Services.AddSingleton<BroadcastProgressReader>();
        builder.Services.AddSingleton<BroadcastBoard>();
        return builder;
    }
}
