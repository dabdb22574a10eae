namespace Bot.FakeTelegram;

// What the bot did: sent messages, calls, edits, callback answers; wakes the test's waiters.
// Appends are O(1) plus one check per pending waiter; snapshots copy.
internal sealed class Journal
{
    private readonly Lock _gate = new();
    private readonly List<SentMessage> _sent = new(16 * 1024);
    private readonly Dictionary<long, List<SentMessage>> _sentByChat = [];
    private readonly List<ApiCall> _calls = new(32 * 1024);
    private readonly List<MessageEdit> _edits = [];
    private readonly List<CallbackAnswer> _answers = [];
    private readonly List<Waiter<SentMessage>> _messageWaiters = [];
    private readonly List<Waiter<ApiCall>> _callWaiters = [];
    private readonly List<CountWaiter> _countWaiters = [];

    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return _sent.ToArray();
            }
        }
    }

    // How many messages were accepted, without copying them (for tight polling in benchmarks).
    public int SentCount
    {
        get
        {
            lock (_gate)
            {
                return _sent.Count;
            }
        }
    }

    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToArray();
            }
        }
    }

    public IReadOnlyList<MessageEdit> Edits
    {
        get
        {
            lock (_gate)
            {
                return _edits.ToArray();
            }
        }
    }

    public IReadOnlyList<CallbackAnswer> Answers
    {
        get
        {
            lock (_gate)
            {
                return _answers.ToArray();
            }
        }
    }

    public IReadOnlyList<SentMessage> SentTo(long chatId)
    {
        lock (_gate)
        {
            return _sentByChat.TryGetValue(chatId, out var list) ? list.ToArray() : [];
        }
    }

    public void AddSent(SentMessage message)
    {
        lock (_gate)
        {
            _sent.Add(message);
            if (!_sentByChat.TryGetValue(message.ChatId, out var list))
            {
                list = [];
                _sentByChat[message.ChatId] = list;
            }

            list.Add(message);
            Notify(_messageWaiters, message);
            for (var i = _countWaiters.Count - 1; i >= 0; i--)
            {
                var waiter = _countWaiters[i];
                if (waiter.ChatId == message.ChatId && list.Count >= waiter.Count)
                {
                    _countWaiters.RemoveAt(i);
                    waiter.Done.TrySetResult(list.ToArray());
                }
            }
        }
    }

    public void AddCall(ApiCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
            Notify(_callWaiters, call);
        }
    }

    public void AddEdit(MessageEdit edit)
    {
        lock (_gate)
        {
            _edits.Add(edit);
        }
    }

    public void AddAnswer(CallbackAnswer answer)
    {
        lock (_gate)
        {
            _answers.Add(answer);
        }
    }

    public Task<SentMessage> WaitForMessageAsync(Func<SentMessage, bool> predicate, TimeSpan timeout, CancellationToken ct) =>
        WaitAsync(_sent, _messageWaiters, predicate, timeout, () => $"No sent message matched within {timeout}. {Describe(Sent)}", ct);

    public async Task<IReadOnlyList<SentMessage>> WaitForMessagesAsync(long chatId, int count, TimeSpan timeout, CancellationToken ct)
    {
        var waiter = new CountWaiter(chatId, count);
        lock (_gate)
        {
            var list = _sentByChat.GetValueOrDefault(chatId) ?? [];
            if (list.Count >= count)
            {
                return list.ToArray();
            }

            _countWaiters.Add(waiter);
        }

        try
        {
            return await waiter.Done.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _countWaiters.Remove(waiter);
            }

            throw new TimeoutException(
                $"Expected {count} messages to chat {chatId} within {timeout}, got {SentTo(chatId).Count}. {Describe(Sent)}");
        }
    }

    public Task<ApiCall> WaitForCallAsync(string method, Func<ApiCall, bool>? predicate, TimeSpan timeout, CancellationToken ct) =>
        WaitAsync(_calls, _callWaiters,
            c => string.Equals(c.Method, method, StringComparison.OrdinalIgnoreCase) && (predicate?.Invoke(c) ?? true),
            timeout,
            () =>
            {
                var calls = Calls;
                var summary = string.Join(", ", calls.TakeLast(20).Select(c => $"{c.Method} {c.StatusCode}"));
                return $"No {method} call matched within {timeout}. {calls.Count} calls, last ones: [{summary}]";
            },
            ct);

    // The first item already journaled that matches, or the next one to arrive.
    private async Task<T> WaitAsync<T>(
        List<T> items, List<Waiter<T>> waiters, Func<T, bool> predicate, TimeSpan timeout, Func<string> timedOut, CancellationToken ct)
        where T : class
    {
        var waiter = new Waiter<T>(predicate);
        lock (_gate)
        {
            if (items.FirstOrDefault(predicate) is { } existing)
            {
                return existing;
            }

            waiters.Add(waiter);
        }

        try
        {
            return await waiter.Done.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                waiters.Remove(waiter);
            }

            throw new TimeoutException(timedOut());
        }
    }

    private static void Notify<T>(List<Waiter<T>> waiters, T item)
    {
        for (var i = waiters.Count - 1; i >= 0; i--)
        {
            var waiter = waiters[i];
            if (waiter.TryComplete(item))
            {
                waiters.RemoveAt(i);
            }
        }
    }

    private static string Describe(IReadOnlyList<SentMessage> sent)
    {
        if (sent.Count == 0)
        {
            return "No message was sent.";
        }

        var lines = sent.TakeLast(20).Select(m =>
            $"  chat {m.ChatId} #{m.MessageId}: {(m.VisibleText.Length > 100 ? m.VisibleText[..100] + "..." : m.VisibleText)}");
        return $"{sent.Count} sent, last ones:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}";
    }

    private sealed record CountWaiter(long ChatId, int Count)
    {
        public TaskCompletionSource<IReadOnlyList<SentMessage>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
