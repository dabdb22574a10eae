using Bot.TestDatabases;

namespace Bot.Bench;

/// <summary>The database a benchmark's worker runs on: a SQLite file in its directory, or a fresh database on a PostgreSQL server the benchmark starts from the installed binaries.</summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    private readonly ScratchDatabase? _postgres;

    private BenchStorage(StorageProvider provider, ScratchDatabase? postgres)
    {
        Provider = provider;
        _postgres = postgres;
    }

    public StorageProvider Provider { get; }

    public string Name => Provider == StorageProvider.Sqlite ? "SQLite" : "PostgreSQL";

    public static async Task<BenchStorage> CreateAsync(StorageProvider provider) =>
        new(provider, provider == StorageProvider.Postgres ? await ScratchDatabase.CreateAsync("bench") : null);

    public void Apply(IDictionary<string, string?> configuration, string directory)
    {
        configuration["Storage:Provider"] = Provider.ToString();
        configuration["Storage:ConnectionString"] = _postgres?.ConnectionString ?? "Data Source=" + Path.Combine(directory, "bot.db");
    }

    /// <summary>sqlite, postgres or both (the default): which providers to measure, side by side.</summary>
    public static IReadOnlyList<StorageProvider> Parse(string[] args)
    {
        var at = Array.IndexOf(args, "--provider");
        var value = at >= 0 && at + 1 < args.Length ? args[at + 1].ToLowerInvariant() : "both";
        return value switch
        {
            "sqlite" => [StorageProvider.Sqlite],
            "postgres" => [StorageProvider.Postgres],
            "both" => [StorageProvider.Sqlite, StorageProvider.Postgres],
            _ => throw new ArgumentException($"--provider {value}: expected sqlite, postgres or both"),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}
