using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Storage;

/// <summary>Applies the provider's numbered SQL scripts (embedded resources) that the database has not seen, in order.</summary>
internal sealed partial class SchemaMigrator(IDatabase database, TimeProvider clock, ILogger<SchemaMigrator> logger)
{
    public async Task<int> MigrateAsync(CancellationToken ct)
    {
        var migrations = Load(database.Provider);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        // Every version not applied yet, not only those above the highest: branches merged in another order
        // (0009 before 0007) must still get the lower numbers.
        var seen = (await connection.QueryAsync<int>("SELECT version FROM schema_version")).ToHashSet();
        var applied = 0;
        foreach (var migration in migrations.Where(m => !seen.Contains(m.Version)))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await connection.ExecuteAsync(migration.Sql, transaction: tx);
            await connection.ExecuteAsync(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @At)",
                new { migration.Version, migration.Name, At = clock.NowMs() }, tx);
            await tx.CommitAsync(ct);
            LogApplied(migration.Version, migration.Name);
            applied++;
        }
        return applied;
    }

    public static IReadOnlyList<Migration> Load(string provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Storage.{provider}.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => ReadMigration(assembly, n, n[prefix.Length..^4]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    [LoggerMessage(LogLevel.Information, "Applied schema migration {Version} {Name}")]
    private partial void LogApplied(int version, string name);

    private static Migration ReadMigration(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(fileName[..separator], System.Globalization.CultureInfo.InvariantCulture);
        return new Migration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
