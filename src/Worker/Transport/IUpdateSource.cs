namespace Bot.Worker.Transport;

/// <summary>The incoming side of a chat network: updates in the order they arrived.</summary>
public interface IUpdateSource
{
    /// <summary>Yields updates until cancelled (or, for a closed console, until input ends).</summary>
    IAsyncEnumerable<IncomingUpdate> ReadAllAsync(CancellationToken cancellationToken);
}
