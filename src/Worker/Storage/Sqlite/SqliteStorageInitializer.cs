using Bot.Worker.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Storage.Sqlite;

/// <summary>
/// Runs before every other hosted service: takes the single-instance lock, turns on WAL and
/// migrates the schema. Quartz creates its own tables in the same file when it starts after this.
/// </summary>
internal sealed partial class SqliteStorageInitializer(
    SqliteDatabase database, SqliteInstanceLock instanceLock, SchemaMigrator migrator, ILogger<SqliteStorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(database.FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
        instanceLock.Acquire(database.FilePath);
        try
        {
            await using (var connection = (SqliteConnection)await database.OpenAsync(cancellationToken))
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode=WAL;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            var applied = await migrator.MigrateAsync(cancellationToken);
            LogReady(database.FilePath, applied);
        }
        catch (SqliteException ex)
        {
            throw new StartupException($"Storage: cannot open SQLite database {database.FilePath}: {ex.Message}", ex);
        }
    }

    [LoggerMessage(LogLevel.Information, "Storage: SQLite at {Path} (WAL, {Applied} new migrations)")]
    private partial void LogReady(string path, int applied);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
