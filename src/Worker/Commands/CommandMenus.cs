using Bot.Worker.Cluster;
using Bot.Worker.Configuration;
using Bot.Worker.Deadlines;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Commands;

/// <summary>
/// The "/" menus (setMyCommands): all of them at start, and one chat's again when its user joins or
/// leaves a team. A chat that is no longer in a team gets the public commands back in its own scope.
/// The catalog is lazy: it lists every command handler, /join among them, and /join uses this.
/// </summary>
internal sealed partial class CommandMenus(
    IBotTransport transport, Lazy<CommandCatalog> catalog, BotSettings settings, TeamStore teams, ILeadership leadership, IClusterSignals cluster, ILogger<CommandMenus> logger) : IMembershipChanges
{
    /// <summary>Every menu: public, each member's chat, each admin's chat. Throws if Telegram cannot be reached (the caller retries).</summary>
    public async Task RegisterAllAsync(CancellationToken cancellationToken)
    {
        var members = await teams.AllMembersAsync(cancellationToken);
        await transport.SetCommandMenusAsync(catalog.Value.Menus(settings.DefaultLanguage, [.. settings.Admins], [.. members]), cancellationToken);
    }

    /// <summary>
    /// Sets the menus of these users' chats to what they may use now; a failure is logged (the commands work
    /// anyway). Only the leader talks to Telegram about menus: another node passes the change on to it, and a
    /// node that takes the lease sets them all.
    /// </summary>
    public async Task MembersChangedAsync(IReadOnlyCollection<long> userIds, CancellationToken cancellationToken)
    {
        if (!leadership.IsLeader)
        {
            await cluster.PublishAsync(ClusterChange.Members, string.Join(',', userIds), cancellationToken);
            return;
        }
        foreach (var userId in userIds.Where(u => !settings.Admins.Contains(u)))
        {
            try
            {
                var isMember = (await teams.TeamNamesAsync(userId, cancellationToken)).Count > 0;
                await transport.SetCommandMenusAsync(catalog.Value.ChatMenus(settings.DefaultLanguage, userId, isAdmin: false, isMember), cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogRefreshFailed(ex, userId);
            }
        }
    }

    /// <summary>Membership changed on another node (empty: it may have, the listener reconnected).</summary>
    public Task OtherNodeChangedAsync(string payload, CancellationToken cancellationToken)
    {
        if (!leadership.IsLeader)
        {
            return Task.CompletedTask;
        }
        return payload.Length == 0
            ? RegisterAllAsync(cancellationToken)
            : MembersChangedAsync([.. payload.Split(',').Select(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))], cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Updating the command menu of chat {ChatId} failed; it is set again at the next start")]
    private partial void LogRefreshFailed(Exception ex, long chatId);
}
