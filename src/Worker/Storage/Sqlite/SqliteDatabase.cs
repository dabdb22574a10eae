using System.Data.Common;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Storage.Sqlite;

/// <summary>SQLite file under the content root, in WAL mode with a busy timeout so Quartz and the app share it.</summary>
internal sealed class SqliteDatabase(IOptions<StorageOptions> options, ContentPaths paths, IEnumerable<IStatementObserver> observers) : Database(observers)
{
    private readonly Lazy<SqliteConnectionStringBuilder> _builder = new(() => Resolve(options.Value.ConnectionString, paths));

    public SqliteDatabase(IOptions<StorageOptions> options, ContentPaths paths) : this(options, paths, [])
    {
    }

    public override string Provider => StorageOptions.Sqlite;

    public string ConnectionString => _builder.Value.ToString();

    public string FilePath => _builder.Value.DataSource;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // WAL is persistent (set at start-up); synchronous=NORMAL is per connection and still
        // survives a process crash, losing at most the last commits on power loss. busy_timeout lets
        // SQLite wait for another writer in short steps, instead of Microsoft.Data.Sqlite's own retry,
        // which sleeps 150 ms per attempt.
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>Makes the file path absolute (relative to the content root) and sets a 30 s busy timeout.</summary>
    public static SqliteConnectionStringBuilder Resolve(string connectionString, ContentPaths paths)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"Storage:ConnectionString is not a valid SQLite connection string: {ex.Message}", ex);
        }
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new StartupException("Storage:ConnectionString must name a database file (Data Source=data/bot.db)");
        }
        builder.DataSource = paths.Resolve(builder.DataSource);
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, 30);
        builder.Pooling = true;
        return builder;
    }
}
