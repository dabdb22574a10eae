using Bot.Worker.Chats;
using Bot.Worker.Templating;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Commands;

/// <summary>
/// A text message to a handler: records the chat, parses the command, checks access, and answers
/// unknown commands and malformed arguments with the localized usage hint.
/// </summary>
internal sealed partial class CommandRouter(
    ChatStore chats, CommandCatalog catalog, Replier replier, AccessGuard access, BotProfile profile, ILogger<CommandRouter> logger)
{
    public async Task HandleAsync(IncomingMessage message, CancellationToken ct)
    {
        var line = CommandLine.Parse(message.Text);
        if (message.ChatKind == ChatKind.Group && (line is null || !IsForUs(line.Value)))
        {
            return; // Group chatter, or a command for another bot.
        }
        var chat = await chats.TouchAsync(message, ct);
        var context = new CommandContext(message, chat, line?.Name ?? "", line?.Args ?? message.Text.Trim(), replier.Settings.IsAdmin(message.From.Id), replier);
        var handler = line is { } parsed ? catalog.Find(parsed.Name) : null;
        if (handler is null)
        {
            var typed = line is { } unknown ? "/" + unknown.Name : Shorten(message.Text);
            await replier.UsageAsync(context, typed, UsageProblem.UnknownCommand, "", ct);
            return;
        }
        if (!await access.AllowAsync(handler, context, Shorten(message.Text), ct))
        {
            return;
        }
        try
        {
            await handler.HandleAsync(context, ct);
        }
        catch (UsageException usage)
        {
            await replier.UsageAsync(context, handler.Name, usage.Problem, usage.Detail, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(ex, handler.Name, message.ChatId);
            await context.ReplyAsync("error", ct: ct);
        }
    }

    private bool IsForUs(CommandLine line) =>
        line.Target is null || string.Equals(line.Target, profile.Identity.Username, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) => text.Length <= 64 ? text.Trim() : text[..64].Trim() + "…";

    [LoggerMessage(LogLevel.Error, "Command /{Command} failed in chat {ChatId}")]
    private partial void LogHandlerFailed(Exception ex, string command, long chatId);
}
