using System.Threading.Channels;
using Bot.Worker.Cluster;

namespace Bot.Worker.Delivery;

/// <summary>
/// Claims rows before they are sent: one writer takes every claim waiting and marks those rows
/// 'sending' in one statement, so parallel sends do not each wait for a write of their own (the
/// dispatcher keeps its throughput on SQLite). Each caller learns whether its row was still pending.
/// </summary>
internal sealed class OutboxClaims : IAsyncDisposable
{
    private readonly Channel<(long Id, TaskCompletionSource<bool> Done)> _claims =
        Channel.CreateUnbounded<(long, TaskCompletionSource<bool>)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly OutboxDeliveryStore _store;
    private readonly ILeadership _leadership;
    private readonly Task _writer;
    // Rows claimed by an attempt that could not record its result: back to pending at the next pass.
    private readonly System.Collections.Concurrent.ConcurrentQueue<long> _unclaimed = new();

    public OutboxClaims(OutboxDeliveryStore store, ILeadership leadership)
    {
        _store = store;
        _leadership = leadership;
        // Not part of whatever unit of work first asked for this singleton.
        using (ExecutionContext.SuppressFlow())
        {
            _writer = Task.Run(WriteAsync);
        }
    }

    /// <summary>True once the row is 'sending' on this node; false if it was not pending any more.</summary>
    public Task<bool> ClaimAsync(long id)
    {
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_claims.Writer.TryWrite((id, done)))
        {
            done.SetException(new ObjectDisposedException(nameof(OutboxClaims)));
        }
        return done.Task;
    }

    /// <summary>A claimed row whose send or result failed goes back to pending at the next <see cref="ReleaseUnclaimedAsync"/>.</summary>
    public void Unclaim(long id, bool claimed)
    {
        if (claimed)
        {
            _unclaimed.Enqueue(id);
        }
    }

    public async Task ReleaseUnclaimedAsync(CancellationToken ct)
    {
        while (_unclaimed.TryPeek(out var id))
        {
            await _store.ReleaseClaimAsync(id, ct);
            _unclaimed.TryDequeue(out _);
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<(long Id, TaskCompletionSource<bool> Done)>();
        while (await _claims.Reader.WaitToReadAsync())
        {
            while (batch.Count < 256 && _claims.Reader.TryRead(out var claim))
            {
                batch.Add(claim);
            }
            try
            {
                var claimed = (await _store.ClaimAsync([.. batch.Select(b => b.Id)], _leadership.NodeId, CancellationToken.None)).ToHashSet();
                batch.ForEach(b => b.Done.TrySetResult(claimed.Contains(b.Id)));
            }
            catch (Exception ex)
            {
                // Nothing was claimed (one statement): each row stays pending, and its caller sees why.
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _claims.Writer.TryComplete();
        await _writer;
    }
}
