using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Bot.Worker.Storage;

/// <summary>
/// Says when the database is unreachable: the first failure with its exception, then at most one
/// line a minute while it lasts (not one per row or per pass), and one line when it answers again.
/// </summary>
internal sealed partial class StorageOutage(TimeProvider clock, ILogger<StorageOutage> logger)
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    private readonly Lock _lock = new();
    private DateTimeOffset? _since;
    private DateTimeOffset _lastLogged;
    private int _failures;

    public bool IsDown
    {
        get
        {
            lock (_lock)
            {
                return _since is not null;
            }
        }
    }

    /// <summary>True for errors that mean "the database is not there right now", not "this statement is wrong".</summary>
    public static bool IsOutage(Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 10 or 14,
        SocketException or TimeoutException => true,
        _ => ex.InnerException is { } inner && IsOutage(inner),
    };

    public void Report(Exception ex, string doing)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            _failures++;
            if (_since is null)
            {
                _since = now;
                _lastLogged = now;
                _failures = 1;
                LogDown(ex, doing);
            }
            else if (now - _lastLogged >= Every)
            {
                _lastLogged = now;
                LogStillDown((now - _since.Value).TotalSeconds, _failures, doing, ex.Message);
            }
        }
    }

    public void Recovered()
    {
        lock (_lock)
        {
            if (_since is { } since)
            {
                LogRecovered((clock.GetUtcNow() - since).TotalSeconds, _failures);
                _since = null;
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "The database is unreachable ({Doing}); waiting for it to come back, then carrying on")]
    private partial void LogDown(Exception ex, string doing);

    [LoggerMessage(LogLevel.Warning, "The database is still unreachable after {Seconds:0} s ({Failures} failed operations; last while {Doing}: {Message})")]
    private partial void LogStillDown(double seconds, int failures, string doing, string message);

    [LoggerMessage(LogLevel.Information, "The database answers again after {Seconds:0} s ({Failures} failed operations retried)")]
    private partial void LogRecovered(double seconds, int failures);
}
