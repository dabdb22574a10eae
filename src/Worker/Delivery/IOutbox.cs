namespace Bot.Worker.Delivery;

/// <summary>Where every outgoing message goes first; the dispatcher sends from here.</summary>
public interface IOutbox
{
    /// <summary>Adds the message (split into parts when over Telegram's limit); false when its key was already there.</summary>
    Task<bool> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken);

    /// <summary>Adds many messages in one transaction; returns how many were new.</summary>
    Task<int> EnqueueManyAsync(IReadOnlyCollection<OutgoingMessage> messages, CancellationToken cancellationToken);
}
