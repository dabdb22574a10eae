using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Statistics;

public static class StatisticsHostBuilderExtensions
{
    /// <summary>The statistics use case that /stats and the console dashboard share.</summary>
    public static IHostApplicationBuilder AddStatistics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StatisticsService>();
        return builder;
    }
}
