using Bot.Worker.Chats;
using Bot.Worker.Templating;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Commands;

/// <summary>
/// A text message to a handler: records the chat, parses the command, checks access, and answers
/// unknown commands and malformed arguments with the localized usage hint. Text that is not a command
/// (or is forwarded) in a private chat is checked for scam signs, or becomes the report the chat started.
/// </summary>
internal sealed partial class CommandRouter(
    ChatStore chats, CommandCatalog catalog, Replier replier, AccessGuard access, BotProfile profile, Scam.FreeTextHandler freeText, ILogger<CommandRouter> logger)
{
    public async Task HandleAsync(IncomingMessage message, CancellationToken ct)
    {
        var line = message.Forwarded ? null : CommandLine.Parse(message.Text);
        if (message.ChatKind == ChatKind.Group && (line is null || !IsForUs(line.Value)))
        {
            return; // Group chatter, or a command for another bot.
        }
        var chat = await chats.TouchAsync(message, ct);
        var context = new CommandContext(message, chat, line?.Name ?? "", line?.Args ?? message.Text.Trim(), replier.Settings.IsAdmin(message.From.Id), replier);
        if (line is null)
        {
            await CheckAsync(context, ct);
            return;
        }
        var handler = catalog.Find(line.Value.Name);
        if (handler is null)
        {
            await replier.UsageAsync(context, "/" + line.Value.Name, UsageProblem.UnknownCommand, "", ct);
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

    // The text is never logged: a failure names only the chat.
    private async Task CheckAsync(CommandContext context, CancellationToken ct)
    {
        try
        {
            await freeText.HandleAsync(context, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(ex, "check", context.ChatId);
            await context.ReplyAsync("error", ct: ct);
        }
    }

    private bool IsForUs(CommandLine line) =>
        line.Target is null || string.Equals(line.Target, profile.Identity.Username, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) => text.Length <= 64 ? text.Trim() : text[..64].Trim() + "…";

    [LoggerMessage(LogLevel.Error, "Command /{Command} failed in chat {ChatId}")]
    private partial void LogHandlerFailed(Exception ex, string command, long chatId);
}
