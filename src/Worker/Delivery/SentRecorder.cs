using System.Threading.Channels;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Delivery;

/// <summary>
/// Records successful sends: one writer takes whatever results are waiting and writes them in one
/// transaction, so parallel sends do not queue on SQLite's write lock one by one. Each caller's task
/// completes once its row is durably "sent", so the dispatcher treats it as in flight until then.
/// </summary>
internal sealed class SentRecorder : IAsyncDisposable
{
    private readonly Channel<(long Id, int MessageId, TaskCompletionSource Done)> _results =
        Channel.CreateUnbounded<(long, int, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDatabase _database;
    private readonly TimeProvider _clock;
    private readonly Task _writer;

    public SentRecorder(IDatabase database, TimeProvider clock)
    {
        _database = database;
        _clock = clock;
        _writer = Task.Run(WriteAsync);
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
            try
            {
                var now = _clock.NowMs();
                await using var connection = await _database.OpenAsync(CancellationToken.None);
                await using var tx = await connection.BeginTransactionAsync();
                await connection.ExecuteAsync(
                    "UPDATE outbox SET state = 'sent', attempts = attempts + 1, message_id = @MessageId, sent_at = @now, updated_at = @now, last_error = NULL WHERE id = @Id",
                    batch.Select(b => new { b.Id, b.MessageId, now }), tx);
                await tx.CommitAsync();
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _results.Writer.TryComplete();
        await _writer;
    }
}
