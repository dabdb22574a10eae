namespace Bot.Worker.Delivery;

/// <summary>
/// When the dispatcher looks at deferred rows: only when one can be due (a row was deferred since the
/// last look, the earliest deferred time has come, or a safety minute passed), one query less per pass.
/// </summary>
internal sealed class DeferredRows(OutboxDeliveryStore queue, DispatchSignal signal, TimeProvider clock)
{
    private static readonly TimeSpan SafetyPoll = TimeSpan.FromMinutes(1);
    private DateTimeOffset _nextDeferred = DateTimeOffset.MinValue;
    private DateTimeOffset _lastPromote = DateTimeOffset.MinValue;

    /// <summary>Deferred rows whose time came become pending; returns the next deferred time, if any.</summary>
    public async Task<DateTimeOffset?> PromoteDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (signal.TakeDeferredAdded() || _nextDeferred <= now || now - _lastPromote >= SafetyPoll)
        {
            _lastPromote = now;
            var next = await queue.PromoteDueAsync(ct);
            _nextDeferred = next ?? DateTimeOffset.MaxValue;
        }
        return _nextDeferred == DateTimeOffset.MaxValue ? null : _nextDeferred;
    }
}
