using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// Pending updates and getUpdates: confirmation by offset, long polling, one poller at a time.
internal sealed class UpdateQueue
{
    // Telegram's default when allowed_updates is empty: everything except these.
    private static readonly string[] NotByDefault = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly Lock _gate = new();
    private readonly Queue<(long Id, string Json)> _pending = new();
    // Updates a webhook post already delivered (answered 2xx): kept so a test can post one again.
    private readonly Dictionary<long, string> _deliveredByWebhook = [];
    private readonly List<(long UpdateId, TaskCompletionSource Done)> _confirmWaiters = [];
    private readonly List<TaskCompletionSource> _pollingWaiters = [];
    private HashSet<string>? _allowed;
    private TaskCompletionSource<PollSignal>? _waitingPoll;
    private long _nextId = 100_000;
    private long _confirmedOffset;
    private bool _stopped;

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    public int FilteredOut { get; private set; }

    public long ConfirmedOffset
    {
        get
        {
            lock (_gate)
            {
                return _confirmedOffset;
            }
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    // build gets the update_id and returns the update's payload: {"message": {...}} and so on.
    public long Enqueue(Func<long, JsonObject> build)
    {
        lock (_gate)
        {
            var id = _nextId++;
            var payload = build(id);
            var update = new JsonObject { ["update_id"] = id };
            string? type = null;
            foreach (var (key, value) in payload.ToArray())
            {
                if (key == "update_id")
                {
                    continue;
                }

                type ??= key;
                payload.Remove(key);
                update[key] = value;
            }

            // Like Telegram, allowed_updates decides which new updates are kept at all.
            if (type is not null && !IsAllowed(type))
            {
                FilteredOut++;
                return id;
            }

            _pending.Enqueue((id, FakeJson.Serialize(update)));
            _waitingPoll?.TrySetResult(PollSignal.Updates);
            return id;
        }
    }

    // getUpdates calls being answered right now, the most ever at once, and the 409s for a second poller.
    private int _pollsNow;
    private int _maxPollsAtOnce;
    private int _conflicts;

    public int MaxPollsAtOnce => Volatile.Read(ref _maxPollsAtOnce);

    public int Conflicts => Volatile.Read(ref _conflicts);

    public async ValueTask<ApiResult> GetUpdatesAsync(ApiRequest request)
    {
        var now = Interlocked.Increment(ref _pollsNow);
        int max;
        while (now > (max = Volatile.Read(ref _maxPollsAtOnce)) && Interlocked.CompareExchange(ref _maxPollsAtOnce, now, max) != max)
        {
        }

        try
        {
            var result = await AnswerGetUpdatesAsync(request);
            if (result.StatusCode == 409)
            {
                Interlocked.Increment(ref _conflicts);
            }

            return result;
        }
        finally
        {
            Interlocked.Decrement(ref _pollsNow);
        }
    }

    private async ValueTask<ApiResult> AnswerGetUpdatesAsync(ApiRequest request)
    {
        var offset = request.GetLong("offset") ?? 0;
        var limit = Math.Clamp(request.GetInt("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, request.GetInt("timeout") ?? 0));
        var allowed = request.GetJson("allowed_updates") as JsonArray;
        TaskCompletionSource<PollSignal> poll;
        lock (_gate)
        {
            if (WebhookUrl is not null)
            {
                return ApiResult.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }

            Confirm(offset);
            if (allowed is not null)
            {
                _allowed = allowed.Count == 0 ? null : [.. allowed.Select(a => a?.GetValue<string>() ?? string.Empty)];
            }

            _waitingPoll?.TrySetResult(PollSignal.Conflict);
            _waitingPoll = null;
            var ready = Take(limit);
            if (ready.Count > 0 || timeout == TimeSpan.Zero || _stopped)
            {
                return Updates(ready);
            }

            poll = new TaskCompletionSource<PollSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waitingPoll = poll;
            _pollingWaiters.ForEach(w => w.TrySetResult());
            _pollingWaiters.Clear();
        }

        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            PollSignal? signal;
            try
            {
                signal = await poll.Task.WaitAsync(Max(timeout - Stopwatch.GetElapsedTime(started), TimeSpan.Zero), request.Aborted);
            }
            catch (TimeoutException)
            {
                signal = null;
            }
            catch (OperationCanceledException)
            {
                lock (_gate)
                {
                    ForgetPoll(poll);
                }

                return ApiResult.Error(ApiResult.ClientClosedRequest, "Client closed request");
            }

            if (signal == PollSignal.Conflict)
            {
                return ApiResult.Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
            }

            lock (_gate)
            {
                var ready = Take(limit);
                if (ready.Count > 0 || signal is null || _stopped)
                {
                    ForgetPoll(poll);
                    return Updates(ready);
                }

                poll = new TaskCompletionSource<PollSignal>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waitingPoll = poll;
            }
        }
    }

    public async Task WaitForConfirmationAsync(long updateId, TimeSpan timeout, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_confirmedOffset > updateId)
            {
                return;
            }

            _confirmWaiters.Add((updateId, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _confirmWaiters.RemoveAll(w => w.Done == done);
                throw new TimeoutException(
                    $"Update {updateId} was not confirmed within {timeout}: the highest getUpdates offset is {_confirmedOffset}.");
            }
        }
    }

    public async Task WaitUntilPollingAsync(TimeSpan timeout, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_waitingPoll is not null)
            {
                return;
            }

            _pollingWaiters.Add(done);
        }

        try
        {
            await done.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _pollingWaiters.Remove(done);
            }

            throw new TimeoutException($"No getUpdates call was waiting for updates within {timeout}.");
        }
    }

    public void SetWebhook(string? url, string? secret, JsonArray? allowed, bool dropPending)
    {
        lock (_gate)
        {
            WebhookUrl = string.IsNullOrEmpty(url) ? null : url;
            WebhookSecret = WebhookUrl is null || string.IsNullOrEmpty(secret) ? null : secret;
            if (WebhookUrl is not null && allowed is not null)
            {
                _allowed = allowed.Count == 0 ? null : [.. allowed.Select(a => a?.GetValue<string>() ?? string.Empty)];
            }

            if (dropPending)
            {
                _pending.Clear();
            }

            // A webhook ends long polling the way a second poller does.
            if (WebhookUrl is not null)
            {
                _waitingPoll?.TrySetResult(PollSignal.Conflict);
                _waitingPoll = null;
            }
        }
    }

    // The allowed_updates in force (null: Telegram's default), as the last getUpdates or setWebhook set them.
    public IReadOnlyList<string>? AllowedUpdates
    {
        get
        {
            lock (_gate)
            {
                return _allowed?.Order(StringComparer.Ordinal).ToArray();
            }
        }
    }

    // The update's JSON, pending or already delivered to the webhook; null for an id never enqueued (or confirmed by getUpdates).
    public string? Find(long updateId)
    {
        lock (_gate)
        {
            return _pending.FirstOrDefault(u => u.Id == updateId).Json ?? _deliveredByWebhook.GetValueOrDefault(updateId);
        }
    }

    // A webhook post of the update was answered 2xx: Telegram forgets it.
    public void DeliveredByWebhook(long updateId)
    {
        lock (_gate)
        {
            if (_pending.FirstOrDefault(u => u.Id == updateId).Json is not { } json)
            {
                return;
            }

            _deliveredByWebhook[updateId] = json;
            var rest = _pending.Where(u => u.Id != updateId).ToList();
            _pending.Clear();
            rest.ForEach(_pending.Enqueue);
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            _waitingPoll?.TrySetResult(PollSignal.Stopped);
        }
    }

    // Call under _gate.
    private void ForgetPoll(TaskCompletionSource<PollSignal> poll)
    {
        if (_waitingPoll == poll)
        {
            _waitingPoll = null;
        }
    }

    private void Confirm(long offset)
    {
        if (offset < 0)
        {
            // A negative offset keeps only the last -offset updates.
            while (_pending.Count > -offset)
            {
                _pending.Dequeue();
            }

            return;
        }

        while (_pending.Count > 0 && _pending.Peek().Id < offset)
        {
            _pending.Dequeue();
        }

        if (offset <= _confirmedOffset)
        {
            return;
        }

        _confirmedOffset = offset;
        for (var i = _confirmWaiters.Count - 1; i >= 0; i--)
        {
            if (_confirmWaiters[i].UpdateId < offset)
            {
                _confirmWaiters[i].Done.TrySetResult();
                _confirmWaiters.RemoveAt(i);
            }
        }
    }

    private List<string> Take(int limit) => [.. _pending.Take(limit).Select(u => u.Json)];

    private bool IsAllowed(string type) => _allowed?.Contains(type) ?? !NotByDefault.Contains(type);

    private static ApiResult Updates(List<string> updates) =>
        ApiResult.Success(new JsonArray([.. updates.Select(u => JsonNode.Parse(u))]));

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
