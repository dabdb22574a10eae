using Bot.Worker.Cluster;
using Bot.Worker.Common;
using Bot.Worker.Templating;
using Bot.Worker.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace Bot.Worker.Commands;

/// <summary>
/// At start: learns who the bot is (getMe; a rejected token stops start-up) and registers the "/"
/// command menus (the leader only, once per term). A network problem here is logged and retried in the background.
/// </summary>
internal sealed partial class BotStartup(
    IBotTransport transport, BotProfile profile, CommandMenus menus, ILeadership leadership, IClusterSignals cluster, TimeProvider clock, ILogger<BotStartup> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        cluster.Subscribe(ClusterChange.Members, menus.OtherNodeChangedAsync);
        try
        {
            profile.Identity = await transport.GetIdentityAsync(cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
        {
            throw new StartupException($"Telegram:Token was rejected by the Bot API ({ex.ErrorCode} {ex.Message})", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogIdentityFailed(ex);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => LeaderLoop.RunAsync(leadership, RegisterAsync, stoppingToken);

    private async Task RegisterAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (profile.Identity.Id == 0)
                {
                    profile.Identity = await transport.GetIdentityAsync(stoppingToken);
                }
                await menus.RegisterAllAsync(stoppingToken);
                if (profile.Identity.Username.Length > 0)
                {
                    LogReady(profile.Identity.Username);
                }
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogMenuFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(300, 5 * attempt)), clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "getMe failed; will retry")]
    private partial void LogIdentityFailed(Exception ex);

    [LoggerMessage(LogLevel.Warning, "Registering the command menus failed; will retry")]
    private partial void LogMenuFailed(Exception ex);

    [LoggerMessage(LogLevel.Information, "Bot @{Username} ready; command menus registered")]
    private partial void LogReady(string username);
}
