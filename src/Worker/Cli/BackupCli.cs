using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Bot.Worker.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Cli;

/// <summary>
/// <c>backup FILE</c>: a consistent copy of the SQLite database, taken with SQLite's online backup while
/// the worker runs (in WAL mode it never blocks the worker's writes), checked with <c>PRAGMA integrity_check</c>.
/// Exit 0: copied and checked; 1: the copy could not be made (FILE exists, no database, I/O); 2: the
/// configuration is wrong for it (a bad setting, or Storage:Provider=Postgres: use pg_dump).
/// </summary>
public static class BackupCli
{
    public static int Run(string[] args, TextWriter output, TextWriter errors)
    {
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (words is not ["backup", var file])
        {
            errors.WriteLine("usage: backup FILE   (a consistent copy of the SQLite database; FILE must not exist)");
            return 2;
        }
        string source;
        string connectionString;
        try
        {
            var settings = new WorkerHostSettings { ConsoleInput = TextReader.Null };
            settings.Configuration["Logging:LogLevel:Default"] = "Warning";
            settings.Configuration["Logging:File:Path"] = "";
            using var host = WorkerHost.CreateBuilder([.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal))], settings).Build();
            if (host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageOptions.Postgres)
            {
                errors.WriteLine("Storage:Provider is Postgres: use pg_dump (pg_dump --format=custom --file=FILE with the database of Storage:ConnectionString); backup copies SQLite databases only");
                return 2;
            }
            var database = host.Services.GetRequiredService<SqliteDatabase>();
            source = database.FilePath;
            connectionString = database.ConnectionString;
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } problem)
        {
            errors.WriteLine($"Backup failed: {problem}");
            return 2;
        }
        return Copy(source, connectionString, Path.GetFullPath(file), output, errors);
    }

    private static int Copy(string source, string connectionString, string destination, TextWriter output, TextWriter errors)
    {
        if (!File.Exists(source))
        {
            errors.WriteLine($"Backup failed: there is no database at {source} (Storage:ConnectionString)");
            return 1;
        }
        if (File.Exists(destination))
        {
            errors.WriteLine($"Backup failed: {destination} exists; choose a new file name (a backup never overwrites)");
            return 1;
        }
        // Written under a temporary name and renamed when complete and checked, so FILE is never half a copy.
        var partial = destination + ".partial";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Delete(partial);
            using (var from = new SqliteConnection(connectionString))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ToString()))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
                // A backup is one self-contained file: no -wal beside it.
                Execute(to, "PRAGMA journal_mode=DELETE");
                var check = Execute(to, "PRAGMA integrity_check");
                if (check != "ok")
                {
                    errors.WriteLine($"Backup failed: the copy does not pass PRAGMA integrity_check: {check}");
                    return 1;
                }
            }
            File.Move(partial, destination);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"Backup failed: {ex.Message}");
            return 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(partial);
        }
        output.WriteLine($"Backed up {source} to {destination} ({new FileInfo(destination).Length} bytes, integrity_check ok)");
        return 0;
    }

    private static string? Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() as string;
    }
}
