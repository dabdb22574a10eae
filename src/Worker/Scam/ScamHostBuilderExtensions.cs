using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Scam;

public static class ScamHostBuilderExtensions
{
    /// <summary>The scam check: its rules (scam-signs.yaml) and known numbers, loaded at start and reloaded on change, <c>ScamChecker</c>, the check as a use case with its stores, the index of confirmed reports ("reported alike") and the verdicts kept for 👍/👎.</summary>
    public static IHostApplicationBuilder AddScamCheck(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScamRulesSource>();
        builder.Services.AddSingleton<KnownNumbersSource>();
        builder.Services.AddSingleton<ScamChecker>();
        builder.Services.AddSingleton<KnownNumberStore>();
        builder.Services.AddSingleton<KnownNumberEditing>();
        builder.Services.AddSingleton<CheckStatsStore>();
        builder.Services.AddSingleton<CheckVerdictStore>();
        builder.Services.AddSingleton<Retention.IExpiringRows>(sp => sp.GetRequiredService<CheckVerdictStore>());
        builder.Services.AddSingleton<CheckLedger>();
        builder.Services.AddSingleton<ReportedAlikeStore>();
        builder.Services.AddSingleton<ReportedAlikeIndex>();
        builder.Services.AddSingleton<ConfirmedReports>();
        builder.Services.AddSingleton<ScamCheckService>();
        builder.Services.AddHostedService<ScamCheckStartup>();
        return builder;
    }
}
