using System.Collections.Concurrent;
using Bot.Worker.Transport;

namespace Bot.Tests.Unit.Support;

/// <summary>A transport that records what it is asked to send and answers with scripted results.</summary>
internal sealed class RecordingTransport : IBotTransport
{
    private readonly ConcurrentQueue<(long? ChatId, SendResult Result)> _script = new();
    private readonly ConcurrentQueue<Exception> _throws = new();
    private int _messageId;

    public ConcurrentQueue<OutboundMessage> Sent { get; } = new();

    public List<OutboundMessage> Attempts { get; } = [];

    /// <summary>The next send (to <paramref name="chatId"/>, or any chat) gets <paramref name="result"/>.</summary>
    public void Script(SendResult result, long? chatId = null) => _script.Enqueue((chatId, result));

    /// <summary>The next send throws <paramref name="exception"/> (a bug in a transport, or a network failure).</summary>
    public void Throw(Exception exception) => _throws.Enqueue(exception);

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        lock (Attempts)
        {
            Attempts.Add(message);
        }
        if (_throws.TryDequeue(out var exception))
        {
            throw exception;
        }
        if (_script.TryPeek(out var next) && (next.ChatId is null || next.ChatId == message.ChatId))
        {
            _script.TryDequeue(out _);
            if (next.Result.Outcome != SendOutcome.Sent)
            {
                return Task.FromResult(next.Result);
            }
        }
        Sent.Enqueue(message);
        return Task.FromResult(SendResult.Sent(Interlocked.Increment(ref _messageId)));
    }

    public Task AnswerCallbackAsync(string callbackId, string? text, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task EditButtonsAsync(long chatId, int messageId, IReadOnlyList<IReadOnlyList<InlineButton>>? buttons, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<BotIdentity> GetIdentityAsync(CancellationToken cancellationToken) => Task.FromResult(new BotIdentity(1, "Test", "test_bot"));

    public Task SetCommandMenusAsync(IReadOnlyList<CommandMenu> menus, CancellationToken cancellationToken) => Task.CompletedTask;
}
