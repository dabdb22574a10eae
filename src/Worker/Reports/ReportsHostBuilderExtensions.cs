using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Reports;

public static class ReportsHostBuilderExtensions
{
    /// <summary>Scam reports: the store and the use cases (start, file, decide, list, forget).</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<ReportService>();
        return builder;
    }
}
