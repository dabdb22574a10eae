using Bot.TestDatabases;
using Bot.Worker.Cluster;
using Bot.Worker.Deadlines;
using Bot.Worker.Hosting;
using Bot.Worker.Scam;
using Bot.Worker.Storage;
using Bot.Worker.Storage.Sqlite;
using Bot.Worker.Templating;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Support;

/// <summary>
/// The worker's real services (not started) on a temporary SQLite file or a scratch PostgreSQL database, with
/// fake time and a recording step scheduler instead of Quartz: tests plan occurrences, move the clock and run
/// steps by hand. On PostgreSQL this node leads and signals stay in the process, as on SQLite.
/// </summary>
internal sealed class WorkerServices : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly ScratchDatabase? _postgres;

    private WorkerServices(IHost host, string directory, FakeTimeProvider clock, ScratchDatabase? postgres)
    {
        _host = host;
        Directory = directory;
        Clock = clock;
        _postgres = postgres;
    }

    public string Directory { get; }

    public FakeTimeProvider Clock { get; }

    public RecordingStepScheduler Steps => (RecordingStepScheduler)Get<IStepScheduler>();

    public static async Task<WorkerServices> StartAsync(
        string deadlinesYaml, DateTimeOffset now, Action<IServiceCollection>? services = null, StorageProvider provider = StorageProvider.Sqlite,
        IReadOnlyDictionary<string, string>? configuration = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bot-deadlines-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "deadlines.yaml"), deadlinesYaml);
        var clock = new FakeTimeProvider(now);
        var settings = new WorkerHostSettings { ContentRoot = directory, TimeProvider = clock, ConsoleInput = TextReader.Null, ConsoleOutput = TextWriter.Null };
        settings.Configuration["Storage:ConnectionString"] = "Data Source=" + Path.Combine(directory, "bot.db");
        settings.Configuration["Templates:Directory"] = Repo.Templates;
        settings.Configuration["Bot:DeadlinesFile"] = Path.Combine(directory, "deadlines.yaml");
        settings.Configuration["Logging:File:Path"] = "";
        settings.Configuration["Logging:LogLevel:Default"] = "Warning";
        settings.Configuration["Web:Enabled"] = "false";
        foreach (var (key, value) in configuration ?? new Dictionary<string, string>())
        {
            settings.Configuration[key] = value;
        }
        var postgres = provider == StorageProvider.Postgres ? await ScratchDatabase.CreateAsync("deadlines") : null;
        if (postgres is not null)
        {
            settings.Configuration["Storage:Provider"] = "Postgres";
            settings.Configuration["Storage:ConnectionString"] = postgres.ConnectionString;
        }
        settings.ConfigureServices = collection =>
        {
            collection.AddSingleton<IStepScheduler, RecordingStepScheduler>();
            collection.AddSingleton<ILeadership, AlwaysLeader>();
            collection.AddSingleton<IClusterSignals, SingleNodeSignals>();
            services?.Invoke(collection);
        };
        var host = WorkerHost.CreateBuilder([], settings).Build();
        var harness = new WorkerServices(host, directory, clock, postgres);
        if (postgres is null)
        {
            await host.Services.GetServices<IHostedService>().OfType<SqliteStorageInitializer>().Single().StartAsync(CancellationToken.None);
        }
        else
        {
            await harness.Get<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        }
        await host.Services.GetServices<IHostedService>().OfType<TemplatesLoader>().Single().StartAsync(CancellationToken.None);
        harness.Get<DeadlineConfigSource>().Load();
        await harness.Get<DeadlinePlanner>().PlanAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>As <see cref="StartAsync"/>, with the shipped scam rules and known-numbers.yaml loaded.</summary>
    public static async Task<WorkerServices> StartWithScamCheckAsync(DateTimeOffset now, string deadlinesYaml = "teams: []")
    {
        var bot = await StartAsync(deadlinesYaml, now);
        System.IO.Directory.CreateDirectory(Path.Combine(bot.Directory, "config"));
        File.Copy(Path.Combine(Repo.Root, "config", "known-numbers.yaml"), Path.Combine(bot.Directory, "config", "known-numbers.yaml"));
        // The shipped rules with a 1 s match timeout instead of 100 ms: a test host busy with other work can pause a
        // thread for longer than 100 ms, and a rule that times out counts as not matched (see Scam/ShippedRules).
        var rules = File.ReadAllText(Path.Combine(Repo.Root, "config", "scam-signs.yaml"));
        File.WriteAllText(Path.Combine(bot.Directory, "config", "scam-signs.yaml"),
            rules.Replace("\nmatch_timeout_ms: 100\n", "\nmatch_timeout_ms: 1000\n", StringComparison.Ordinal));
        bot.Get<ScamRulesSource>().Load();
        bot.Get<KnownNumbersSource>().Load();
        return bot;
    }

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>One number from the database (a count, for tests that check what was written).</summary>
    public async Task<int> ScalarAsync(string sql, object? args = null)
    {
        await using var connection = await Get<IDatabase>().OpenAsync(CancellationToken.None);
        return (int)await connection.ExecuteScalarAsync<long>(sql, args);
    }

    public async Task<IReadOnlyList<Occurrence>> OccurrencesAsync(string deadlineId) =>
        await Get<OccurrenceStore>().ListOfDeadlineAsync(deadlineId, CancellationToken.None);

    public async Task<Dictionary<string, StepRow>> StepsAsync(long occurrenceId) =>
        (await Get<OccurrenceStore>().StepsAsync(occurrenceId, CancellationToken.None)).ToDictionary(s => s.Step);

    /// <summary>Runs every recorded step whose time has come, in time order (as Quartz would after the clock moved).</summary>
    public async Task RunDueStepsAsync()
    {
        foreach (var ((occurrence, step), _) in Steps.Scheduled.Where(s => s.Value.At <= Clock.GetUtcNow()).OrderBy(s => s.Value.At).ToList())
        {
            await Get<DeadlineRunner>().RunAsync(occurrence, step, CancellationToken.None);
        }
    }

    public Task RunAsync(long occurrence, string step) => Get<DeadlineRunner>().RunAsync(occurrence, step, CancellationToken.None);

    /// <summary>Outbox rows (the messages that would be sent), as (key, chat, kind).</summary>
    public async Task<IReadOnlyList<(string Key, long ChatId, string Kind, string Text)>> OutboxAsync()
    {
        await using var connection = await Get<IDatabase>().OpenAsync(CancellationToken.None);
        return (await connection.QueryAsync<(string, long, string, string)>("SELECT idem_key, chat_id, kind, text FROM outbox ORDER BY id")).AsList();
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
