using System.Collections.Concurrent;
using Bot.Worker.Storage;
using Bot.Worker.Storage.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bot.Worker.Cluster;

/// <summary>
/// NOTIFY to publish, and one LISTEN connection per node (reconnecting) to hear the others. Payload:
/// "NODE|CHANGE|DATA"; a node ignores its own. After a reconnect every handler runs once with an empty
/// payload, because a notification sent while the connection was down is lost.
/// </summary>
internal sealed partial class PostgresClusterSignals(
    ClusterSignalStore store, string connectionString, ClusterNode node, StorageOutage outage, ILogger<PostgresClusterSignals> logger) : BackgroundService, IClusterSignals
{
    private static readonly TimeSpan ReconnectEvery = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<ClusterChange, ConcurrentBag<Func<string, CancellationToken, Task>>> _handlers = new();
    private CancellationToken _stopping;

    public async Task PublishAsync(ClusterChange change, string payload, CancellationToken cancellationToken)
    {
        try
        {
            await store.NotifyAsync($"{node.Id}|{change}|{payload}", cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogPublishFailed(ex, change);
        }
    }

    public void Subscribe(ClusterChange change, Func<string, CancellationToken, Task> handler) =>
        _handlers.GetOrAdd(change, _ => []).Add(handler);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        var first = true;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await ClusterSignalStore.ListenAsync(connectionString, $"bot-listen-{node.Id}", stoppingToken);
                connection.Notification += OnNotification;
                if (!first)
                {
                    LogReconnected();
                    foreach (var change in Enum.GetValues<ClusterChange>())
                    {
                        Dispatch(change, "");
                    }
                }
                first = false;
                failing = false;
                // A timeout rather than the token: cancelling a wait would cost a cancel request to the server at shutdown.
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(500, CancellationToken.None);
                }
                break;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (StorageOutage.IsOutage(ex))
            {
                outage.Report(ex, "listening for changes from other nodes");
                failing = true;
                first = false;
            }
            catch (Exception ex)
            {
                if (!failing)
                {
                    LogListenFailed(ex);
                }
                failing = true;
                first = false;
            }
            try
            {
                await Task.Delay(ReconnectEvery, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        var parts = e.Payload.Split('|', 3);
        if (parts.Length == 3 && parts[0] != node.Id && Enum.TryParse<ClusterChange>(parts[1], out var change))
        {
            Dispatch(change, parts[2]);
        }
    }

    private void Dispatch(ClusterChange change, string payload)
    {
        if (!_handlers.TryGetValue(change, out var handlers))
        {
            return;
        }
        foreach (var handler in handlers)
        {
            _ = RunAsync(handler, change, payload);
        }
    }

    private async Task RunAsync(Func<string, CancellationToken, Task> handler, ClusterChange change, string payload)
    {
        try
        {
            await Task.Yield();
            await handler(payload, _stopping);
        }
        catch (Exception ex) when (!_stopping.IsCancellationRequested)
        {
            if (StorageOutage.IsOutage(ex))
            {
                outage.Report(ex, $"reloading after a change on another node ({change})");
            }
            else
            {
                LogHandlerFailed(ex, change);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(LogLevel.Warning, "Cluster: telling the other nodes about {Change} failed; they see it in the database later")]
    private partial void LogPublishFailed(Exception ex, ClusterChange change);

    [LoggerMessage(LogLevel.Information, "Cluster: listening for changes from other nodes failed; reconnecting")]
    private partial void LogListenFailed(Exception ex);

    [LoggerMessage(LogLevel.Information, "Cluster: listening for changes again; reloading what may have been missed")]
    private partial void LogReconnected();

    [LoggerMessage(LogLevel.Error, "Cluster: handling {Change} from another node failed")]
    private partial void LogHandlerFailed(Exception ex, ClusterChange change);
}
