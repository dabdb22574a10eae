using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Support;

/// <summary>The real outbox and dispatcher on a temporary SQLite file, a recording transport (and any other channels a test gives) and fake time.</summary>
internal sealed class DispatcherHarness : IAsyncDisposable, IBlockedChatHandler, IDeliveryFallbacks
{
    private readonly TempDatabase _db;
    private readonly Dispatcher _dispatcher;
    private readonly DispatchSignal _signal;
    private readonly Courier _courier;
    private readonly OutboxDeliveryStore _queue;
    private TaskCompletionSource _idle = NewIdle();
    private long _requested;

    private DispatcherHarness(TempDatabase db, FakeTimeProvider clock, DeliveryOptions options, IEnumerable<IDeliveryChannel> channels)
    {
        _db = db;
        Clock = clock;
        _signal = new DispatchSignal();
        var node = new Bot.Worker.Cluster.AlwaysLeader(new Bot.Worker.Cluster.ClusterNode("test"), new Bot.Worker.Cluster.LeaseStore(db.Database));
        var queue = _queue = new OutboxDeliveryStore(db.Database, node, clock, _signal);
        var outage = new Bot.Worker.Storage.StorageOutage(clock, NullLogger<Bot.Worker.Storage.StorageOutage>.Instance);
        var gate = new SendGate(Options.Create(options), clock);
        Outbox = new OutboxStore(db.Database, clock, _signal, node, new Bot.Worker.Cluster.SingleNodeSignals());
        var metrics = PlainMeterFactory.Metrics(clock);
        var failures = new SendFailures(db.Database, queue, gate, this, this, Options.Create(options), metrics, clock, Log);
        var routes = new DeliveryRoutes([new TelegramDelivery(Transport), .. channels], gate);
        _courier = new Courier(queue, routes, gate, _signal, failures, outage, metrics, Options.Create(options), clock, CourierLog);
        _dispatcher = new Dispatcher(node, new Bot.Worker.Cluster.SingleNodeSignals(), queue, _courier, gate, routes, _signal, outage, clock, NullLogger<Dispatcher>.Instance, metrics);
        // Only a pass that began after the request (it saw the request's notification) tells the dispatcher settled.
        _dispatcher.Idle += (_, seen) =>
        {
            if (seen >= Volatile.Read(ref _requested))
            {
                _idle.TrySetResult();
            }
        };
    }

    public FakeTimeProvider Clock { get; }

    public RecordingTransport Transport { get; } = new();

    public ListLogger<SendFailures> Log { get; } = new();

    public ListLogger<Courier> CourierLog { get; } = new();

    public OutboxStore Outbox { get; }

    public List<long> BlockedChats { get; } = [];

    /// <summary>Fallbacks released when a chat turned out unavailable, as the dispatcher reported them.</summary>
    public List<ReleasedFallback> Fallbacks { get; } = [];

    public static async Task<DispatcherHarness> StartAsync(DeliveryOptions? options = null, bool start = true, FakeTimeProvider? clock = null, params IDeliveryChannel[] channels)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var harness = new DispatcherHarness(await TempDatabase.CreateAsync(clock), clock, options ?? Unlimited(), channels);
        if (start)
        {
            await harness.StartDispatcherAsync();
        }
        return harness;
    }

    public static DeliveryOptions Unlimited() => new() { GlobalRatePerSecond = 0, PerChatIntervalMs = 0, GroupMessagesPerMinute = 0 };

    public Task StartDispatcherAsync() => _dispatcher.StartAsync(CancellationToken.None);

    public Task EnqueueAsync(string key, long chatId, string html = "hello", MessagePriority priority = MessagePriority.Reply, DateTimeOffset? expiresAt = null) =>
        Outbox.EnqueueAsync(new OutgoingMessage(key, chatId, html, priority, "test", ExpiresAt: expiresAt), CancellationToken.None);

    /// <summary>Wakes the dispatcher and waits until it has nothing it can send now.</summary>
    public async Task SettleAsync()
    {
        _idle = NewIdle();
        Volatile.Write(ref _requested, _signal.Notifications + 1);
        _signal.Notify();
        await _idle.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task AdvanceAsync(TimeSpan by)
    {
        _idle = NewIdle();
        Clock.Advance(by);
        Volatile.Write(ref _requested, _signal.Notifications + 1);
        _signal.Notify();
        await _idle.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task<string> StateOfAsync(string key)
    {
        await using var connection = await _db.Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<string>("SELECT state FROM outbox WHERE idem_key = @key", new { key }) ?? "missing";
    }

    public async Task<int> CountAsync(string where)
    {
        await using var connection = await _db.Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox WHERE " + where);
    }

    public async Task<int> OnChatBlockedAsync(long chatId, string reason, CancellationToken cancellationToken)
    {
        lock (BlockedChats)
        {
            BlockedChats.Add(chatId);
        }
        return await _queue.BlockChatAsync(chatId, reason, cancellationToken);
    }

    public Task ReleasedAsync(IReadOnlyList<ReleasedFallback> released, string reason, CancellationToken cancellationToken)
    {
        lock (Fallbacks)
        {
            Fallbacks.AddRange(released);
        }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _dispatcher.StopAsync(CancellationToken.None);
        _dispatcher.Dispose();
        _signal.Dispose();
        await _courier.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static TaskCompletionSource NewIdle() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
