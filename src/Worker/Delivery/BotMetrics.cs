using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Bot.Worker.Delivery;

/// <summary>
/// The bot's OpenTelemetry instruments (PRODUCT.md 4.7), on one meter named "Bot" made by the host's
/// meter factory. Recording is a few nanoseconds when nothing listens (Web:Enabled=false).
/// </summary>
internal sealed class BotMetrics
{
    public const string MeterName = "Bot";
    private const int ReadTimeoutMs = 2000;
    // Blocked, failed and expired, on each channel, are known in advance: they are exported from the first scrape, at 0
    // (the counts are kept here and read at scrape time, because a counter's first Add would come before the
    // exporter listens). Indexed by channel (like DeliveryRoute.Channels), then like FailedStates.
    private static readonly string[] FailedStates = [DeliveryState.Blocked, DeliveryState.Failed, DeliveryState.Expired];
    private readonly long[] _failed = new long[DeliveryRoute.Channels.Count * FailedStates.Length];
    private readonly Counter<long> _sent;
    private long _throttled;
    private readonly Histogram<double> _lateness;
    private readonly Histogram<double> _render;
    private readonly TimeProvider _clock;
    private Func<CancellationToken, Task<long>>? _countPending;

    public BotMetrics(IMeterFactory meters, TimeProvider clock)
    {
        _clock = clock;
        var meter = meters.Create(MeterName);
        _sent = meter.CreateCounter<long>("bot.outbox.sent", "{message}", "Messages Telegram, a robot or the mail server accepted, by priority and channel");
        meter.CreateObservableCounter("bot.outbox.failed", ReadFailed, "{message}", "Messages that will not be sent, by final state (blocked, failed, expired) and channel");
        meter.CreateObservableCounter("bot.telegram.throttled", () => Interlocked.Read(ref _throttled), "{answer}", "429 answers from Telegram");
        _lateness = meter.CreateHistogram<double>("bot.reminder.lateness", "s", "Seconds from a reminder step's scheduled time to Telegram's answer");
        _render = meter.CreateHistogram<double>("bot.render.duration", "s", "Seconds to render one message");
        meter.CreateObservableGauge("bot.outbox.pending", ReadPending, "{message}", "Messages waiting in the outbox (pending or deferred)");
    }

    /// <summary>Where <c>bot.outbox.pending</c> is read at scrape time (the outbox's count of queued rows).</summary>
    public void CountPendingWith(Func<CancellationToken, Task<long>> count) => _countPending = count;

    /// <summary>The row's channel (Telegram, a robot, the mail server) accepted it; a reminder also records how late it went out.</summary>
    public void Sent(int priority, string idemKey, string channel = DeliveryRoute.Telegram)
    {
        _sent.Add(1, new KeyValuePair<string, object?>("priority", PriorityName(priority)), new KeyValuePair<string, object?>("channel", channel));
        if (_lateness.Enabled && ReminderKey.TryParseScheduledAt(idemKey, out var scheduledAt))
        {
            _lateness.Record(Math.Max(0, (_clock.GetUtcNow() - scheduledAt).TotalSeconds));
        }
    }

    /// <summary>Rows that reached a final state other than sent: <see cref="DeliveryState.Blocked"/>, <see cref="DeliveryState.Failed"/> or <see cref="DeliveryState.Expired"/>.</summary>
    public void Failed(string state, string channel = DeliveryRoute.Telegram, int rows = 1)
    {
        var index = Array.IndexOf(FailedStates, state);
        ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(state));
        var route = Math.Max(0, IndexOf(channel));
        Interlocked.Add(ref _failed[(route * FailedStates.Length) + index], rows);
    }

    public void Throttled() => Interlocked.Increment(ref _throttled);

    public static long RenderStarted() => Stopwatch.GetTimestamp();

    public void RenderEnded(long started)
    {
        if (_render.Enabled)
        {
            _render.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static readonly string[] PriorityNames = ["reply", "reminder", "alert", "tip"];

    private static string PriorityName(int priority) =>
        (uint)priority < (uint)PriorityNames.Length ? PriorityNames[priority] : priority.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static int IndexOf(string channel)
    {
        for (var i = 0; i < DeliveryRoute.Channels.Count; i++)
        {
            if (DeliveryRoute.Channels[i] == channel)
            {
                return i;
            }
        }
        return -1;
    }

    private IEnumerable<Measurement<long>> ReadFailed() =>
        DeliveryRoute.Channels.SelectMany((channel, c) => FailedStates.Select((state, i) => new Measurement<long>(
            Interlocked.Read(ref _failed[(c * FailedStates.Length) + i]),
            new KeyValuePair<string, object?>("state", state), new KeyValuePair<string, object?>("channel", channel))));

    // Read at scrape time (the exporter caches a scrape for a moment): one indexed count, no work per send.
    private IEnumerable<Measurement<long>> ReadPending()
    {
        if (_countPending is not { } countPending)
        {
            return [];
        }
        long count;
        try
        {
            using var timeout = new CancellationTokenSource(ReadTimeoutMs);
            count = countPending(timeout.Token).GetAwaiter().GetResult();
        }
        catch (Exception)
        {
            // The database is away: no value rather than a wrong one (/readyz says why).
            return [];
        }
        return [new Measurement<long>(count)];
    }
}
