using System.Threading.Channels;
using Bot.Worker.Storage;

namespace Bot.Worker.Delivery;

/// <summary>
/// Records successful sends: one writer takes whatever results are waiting and writes them in one
/// transaction, so parallel sends do not queue on SQLite's write lock one by one. Each caller's task
/// completes once its row is durably "sent", so the dispatcher treats it as in flight until then.
/// While the database is unreachable the writer keeps the results and tries again: a send Telegram
/// accepted is never forgotten (and so never repeated) because of an outage.
/// </summary>
internal sealed class SentRecorder : IAsyncDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);
    private readonly Channel<(long Id, int MessageId, TaskCompletionSource Done)> _results =
        Channel.CreateUnbounded<(long, int, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly OutboxDeliveryStore _store;
    private readonly StorageOutage _outage;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;

    public SentRecorder(OutboxDeliveryStore store, StorageOutage outage)
    {
        _store = store;
        _outage = outage;
        // Not part of whatever unit of work first asked for this singleton.
        using (ExecutionContext.SuppressFlow())
        {
            _writer = Task.Run(WriteAsync);
        }
    }

    public Task RecordAsync(long id, int messageId)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_results.Writer.TryWrite((id, messageId, done)))
        {
            done.SetException(new ObjectDisposedException(nameof(SentRecorder)));
        }
        return done.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<(long Id, int MessageId, TaskCompletionSource Done)>();
        while (await _results.Reader.WaitToReadAsync())
        {
            while (batch.Count < 256 && _results.Reader.TryRead(out var result))
            {
                batch.Add(result);
            }
            while (true)
            {
                try
                {
                    await _store.MarkSentBatchAsync(batch.Select(b => (b.Id, b.MessageId)).ToList(), _stopping.Token);
                    _outage.Recovered();
                    batch.ForEach(b => b.Done.TrySetResult());
                    break;
                }
                catch (Exception ex) when (!_stopping.IsCancellationRequested && StorageOutage.IsOutage(ex))
                {
                    _outage.Report(ex, "recording sent messages");
                    await Task.Delay(RetryEvery);
                }
                catch (Exception ex)
                {
                    batch.ForEach(b => b.Done.TrySetException(ex));
                    break;
                }
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _results.Writer.TryComplete();
        _stopping.CancelAfter(TimeSpan.FromSeconds(10));
        await _writer;
        _stopping.Dispose();
    }
}
