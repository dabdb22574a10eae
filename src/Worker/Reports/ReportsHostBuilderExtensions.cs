using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Reports;

public static class ReportsHostBuilderExtensions
{
    /// <summary>Scam reports: the store and the use cases (start, file, decide, list, forget), the notices to admins and reporters, and the decision every door calls.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportStore>();
        builder.Services.AddSingleton<ReportService>();
        builder.Services.AddSingleton<ReportNotices>();
        builder.Services.AddSingleton<ReportDecisions>();
        builder.Services.AddSingleton<WrongVerdictReports>();
        return builder;
    }
}
