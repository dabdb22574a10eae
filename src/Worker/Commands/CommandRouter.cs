using Bot.Worker.Audit;
using Bot.Worker.Chats;
using Bot.Worker.Deadlines;
using Bot.Worker.Templating;
using Bot.Worker.Transport;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Commands;

/// <summary>
/// A text message to a handler: records the chat, parses the command, checks who may use it (admin commands need an
/// admin, and a refusal is audited; team commands a member of any team; everyone refused gets a polite reply), and
/// answers unknown commands and malformed arguments with the localized usage hint. Text that is not a command (or is
/// forwarded) in a private chat is checked for scam signs, or becomes the report the chat started.
/// </summary>
internal sealed partial class CommandRouter(
    ChatStore chats, CommandCatalog catalog, CommandServices services, AuditStore audit, TeamStore teams, BotProfile profile,
    Scam.FreeTextHandler freeText, ILogger<CommandRouter> logger)
{
    public async Task HandleAsync(IncomingMessage message, CancellationToken ct)
    {
        var line = message.Forwarded ? null : CommandLine.Parse(message.Text);
        if (message.ChatKind == ChatKind.Group && (line is null || !IsForUs(line.Value)))
        {
            return; // Group chatter, or a command for another bot.
        }
        var chat = await chats.TouchAsync(message, ct);
        var context = new CommandContext(message, chat, line?.Name ?? "", line?.Args ?? message.Text.Trim(), services.Settings.IsAdmin(message.From.Id), services);
        if (line is null)
        {
            await CheckAsync(context, ct);
            return;
        }
        var handler = catalog.Find(line.Value.Name);
        if (handler is null)
        {
            await context.UsageAsync("/" + line.Value.Name, UsageProblem.UnknownCommand, "", ct);
            return;
        }
        if (!await AllowAsync(handler, context, Shorten(message.Text), ct))
        {
            return;
        }
        try
        {
            await handler.HandleAsync(context, ct);
        }
        catch (UsageException usage)
        {
            await context.UsageAsync(handler.Name, usage.Problem, usage.Detail, ct);
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

    private async Task<bool> AllowAsync(ICommandHandler handler, CommandContext context, string text, CancellationToken ct)
    {
        switch (handler.Access)
        {
            case CommandAccess.Admin when !context.IsAdmin:
                await audit.WriteAsync(context.User.Id, "/" + handler.Name, text, allowed: false, ct);
                await context.ReplyAsync("not-allowed", new { Command = "/" + handler.Name, Required = "admin" }, ct: ct);
                return false;
            case CommandAccess.TeamMember when !context.IsAdmin && !await teams.IsMemberAsync(context.User.Id, ct):
                await context.ReplyAsync("not-allowed", new { Command = "/" + handler.Name, Required = "member" }, ct: ct);
                return false;
            default:
                return true;
        }
    }

    private bool IsForUs(CommandLine line) =>
        line.Target is null || string.Equals(line.Target, profile.Identity.Username, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text) => text.Length <= 64 ? text.Trim() : text[..64].Trim() + "…";

    [LoggerMessage(LogLevel.Error, "Command /{Command} failed in chat {ChatId}")]
    private partial void LogHandlerFailed(Exception ex, string command, long chatId);
}
