using System.Threading.Channels;

namespace Bot.Worker.Awareness;

/// <summary>Broadcast ids waiting to be enqueued by the <see cref="BroadcastWorker"/>.</summary>
internal sealed class BroadcastQueue
{
    private readonly Channel<long> _channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });

    public void Post(long broadcastId) => _channel.Writer.TryWrite(broadcastId);

    public IAsyncEnumerable<long> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}
