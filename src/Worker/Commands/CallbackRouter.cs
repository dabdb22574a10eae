using Bot.Worker.Chats;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Commands;

/// <summary>An inline button press to its handler by the prefix of its data; always answers the callback so the spinner stops.</summary>
internal sealed partial class CallbackRouter(
    IEnumerable<ICallbackHandler> handlers, ChatStore chats, CommandServices services, IBotTransport transport, ILogger<CallbackRouter> logger)
{
    private readonly Dictionary<string, ICallbackHandler> _handlers = handlers.ToDictionary(h => h.Prefix);

    public async Task HandleAsync(IncomingCallback callback, CancellationToken ct)
    {
        string? toast = null;
        try
        {
            var colon = callback.Data.IndexOf(':', StringComparison.Ordinal);
            var prefix = colon > 0 ? callback.Data[..colon] : callback.Data;
            if (_handlers.TryGetValue(prefix, out var handler))
            {
                var chat = await chats.TouchAsync(callback, ct);
                var context = new CommandContext(callback, chat, prefix, "", services.Settings.IsAdmin(callback.From.Id), services);
                toast = await handler.HandleAsync(context, colon > 0 ? callback.Data[(colon + 1)..] : "", ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCallbackFailed(ex, callback.Data, callback.ChatId);
        }
        finally
        {
            await transport.AnswerCallbackAsync(callback.CallbackId, toast, ct);
        }
    }

    [LoggerMessage(LogLevel.Error, "Button {Data} failed in chat {ChatId}")]
    private partial void LogCallbackFailed(Exception ex, string data, long chatId);
}
