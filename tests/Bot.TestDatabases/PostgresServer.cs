using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Bot.TestDatabases;

/// <summary>
/// A real PostgreSQL server for tests, run from the installed binaries in a new temporary directory
/// on a free loopback port, and stopped and deleted when the test process ends (by a watchdog
/// process, see <see cref="ServerWatchdog"/>). One shared server per test process
/// (<see cref="GetSharedAsync"/>); each test takes a fresh database from it
/// (<see cref="CreateDatabaseAsync"/>), so tests run in parallel. A test that stops the server takes
/// its own (<see cref="StartNewAsync"/>), since stopping the shared one would fail its neighbours.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string User = "postgres";
    private static readonly Lazy<Task<PostgresServer>> _shared = new(() => Task.Run(() => LaunchAsync(isShared: true)));

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ServerDirectory _directory;
    private readonly PgCtl _pgCtl;
    private readonly bool _isShared;
    private bool _running;
    private bool _disposed;

    private PostgresServer(string bin, ServerDirectory directory, bool isShared)
    {
        _directory = directory;
        _pgCtl = new PgCtl(bin, directory);
        _isShared = isShared;
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; private set; }

    public bool IsRunning => Volatile.Read(ref _running);

    /// <summary>The server all tests of this process share, started on first use, gone when the process is.</summary>
    public static Task<PostgresServer> GetSharedAsync() => _shared.Value;

    /// <summary>A server of the caller's own, for tests that stop and start it; dispose it afterwards.</summary>
    public static Task<PostgresServer> StartNewAsync() => LaunchAsync(isShared: false);

    /// <summary>A pooled connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => Builder(database, pooling: true).ConnectionString;

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? prefix = null, CancellationToken cancellationToken = default)
    {
        var name = DatabaseName.New(prefix);
        await using var connection = new NpgsqlConnection(Builder("postgres", pooling: false).ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections; best effort.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        if (!DatabaseName.IsSafe(name))
        {
            throw new ArgumentException($"'{name}' is not a database name made by {nameof(CreateDatabaseAsync)}", nameof(name));
        }
        try
        {
            await using (var pooled = new NpgsqlConnection(ConnectionString(name)))
            {
                NpgsqlConnection.ClearPool(pooled);
            }
            await using var connection = new NpgsqlConnection(Builder("postgres", pooling: false).ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // Best effort: the whole server goes when the process exits.
        }
    }

    /// <summary>Stops the server (fast: sessions are ended, or immediate: as if it crashed); data stay.</summary>
    public async Task StopAsync(bool immediate = false)
    {
        if (_isShared)
        {
            throw new InvalidOperationException(
                $"Other tests use the shared PostgreSQL server: stop one of your own ({nameof(PostgresServer)}.{nameof(StartNewAsync)})");
        }
        await _gate.WaitAsync();
        try
        {
            if (!_running)
            {
                return;
            }
            await _pgCtl.StopAsync(immediate, Port);
            Volatile.Write(ref _running, false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Starts the stopped server again, on the same port and data directory.</summary>
    public async Task StartAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_running)
            {
                return;
            }
            var start = await _pgCtl.TryStartAsync(Host, Port);
            if (!start.Succeeded)
            {
                throw _pgCtl.Failure("start", start, Port);
            }
            Volatile.Write(ref _running, true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // The shared server lives as long as the process.
        if (_isShared || _disposed)
        {
            return;
        }
        _disposed = true;
        await ShutDownAsync();
        _gate.Dispose();
    }

    private static async Task<PostgresServer> LaunchAsync(bool isShared)
    {
        var bin = PostgresBinaries.Find();
        ServerCommand.CheckServerUser();
        await ServerDirectory.ReapLeftoversAsync(bin);
        var directory = await ServerDirectory.CreateAsync();
        ServerWatchdog.Start(Path.Combine(bin, "pg_ctl"), directory);
        var server = new PostgresServer(bin, directory, isShared);
        try
        {
            await server.InitAndStartAsync();
        }
        catch
        {
            await server.ShutDownAsync();
            throw;
        }
        return server;
    }

    private async Task InitAndStartAsync()
    {
        await _pgCtl.InitAsync(User);
        // A free port can be taken by someone else before the server binds it: then try another.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var start = await _pgCtl.TryStartAsync(Host, Port);
            if (start.Succeeded)
            {
                _running = true;
                return;
            }
            if (attempt == 3 || !_pgCtl.PortWasTaken)
            {
                throw _pgCtl.Failure("start", start, Port);
            }
        }
    }

    private async Task ShutDownAsync()
    {
        await _pgCtl.StopIfRunningAsync();
        Volatile.Write(ref _running, false);
        _directory.Delete();
    }

    private NpgsqlConnectionStringBuilder Builder(string database, bool pooling) => new()
    {
        Host = Host,
        Port = Port,
        Database = database,
        Username = User,
        Pooling = pooling,
        Timeout = 15,
        CommandTimeout = 60,
        IncludeErrorDetail = true,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
