using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Scam;

public static class ScamHostBuilderExtensions
{
    /// <summary>The scam check: its rules (scam-signs.yaml) and known numbers, loaded at start and reloaded on change, <c>ScamChecker</c>, and the check as a use case with its stores.</summary>
    public static IHostApplicationBuilder AddScamCheck(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScamRulesSource>();
        builder.Services.AddSingleton<KnownNumbersSource>();
        builder.Services.AddSingleton<ScamChecker>();
        builder.Services.AddSingleton<KnownNumberStore>();
        builder.Services.AddSingleton<KnownNumberEditing>();
        builder.Services.AddSingleton<CheckStatsStore>();
        builder.Services.AddSingleton<ScamCheckService>();
        builder.Services.AddHostedService<ScamCheckStartup>();
        return builder;
    }
}
