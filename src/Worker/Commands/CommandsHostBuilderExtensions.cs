using Bot.Worker.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Commands;

public static class CommandsHostBuilderExtensions
{
    /// <summary>The update receiver, the routers and every command and button handler in this assembly.</summary>
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        foreach (var type in typeof(CommandsHostBuilderExtensions).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            if (typeof(ICommandHandler).IsAssignableFrom(type))
            {
                services.AddSingleton(type);
                services.AddSingleton(typeof(ICommandHandler), sp => sp.GetRequiredService(type));
            }
            if (typeof(ICallbackHandler).IsAssignableFrom(type))
            {
                services.AddSingleton(type);
                services.AddSingleton(typeof(ICallbackHandler), sp => sp.GetRequiredService(type));
            }
        }
        services.AddSingleton<CommandCatalog>();
        services.AddSingleton(sp => new Lazy<CommandCatalog>(sp.GetRequiredService<CommandCatalog>));
        services.AddSingleton<BotSettings>();
        services.AddSingleton<CommandMenus>();
        services.AddSingleton<Deadlines.IMembershipChanges>(sp => sp.GetRequiredService<CommandMenus>());
        services.AddSingleton<CommandServices>();
        services.AddSingleton<Awareness.BroadcastDecider>();
        services.AddSingleton<Team.OccurrenceResolver>();
        services.AddSingleton<Scam.VerdictModel>();
        services.AddSingleton<Scam.VerdictReply>();
        services.AddSingleton<Batches.BatchView>();
        services.AddSingleton<Batches.BatchReasons>();
        services.AddSingleton<Scam.FreeTextHandler>();
        services.AddSingleton<Reports.ReportFiler>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<CallbackRouter>();
        services.AddSingleton<ChatMemberHandler>();
        services.AddHostedService<BotStartup>();
        services.AddHostedService<UpdateReceiver>();
        return builder;
    }
}
