using Bot.Worker.Chats;
using Bot.Worker.Delivery;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands;

/// <summary>
/// One command (or button press) being handled: who, where, the arguments, and the reply: rendered in the chat's
/// language and put in the outbox at reply priority, keyed by the update (a redelivered update replies nothing new).
/// </summary>
internal sealed class CommandContext(IncomingUpdate update, ChatRecord chat, string command, string args, bool isAdmin, CommandServices services)
{
    private int _replies;

    public IncomingUpdate Update { get; } = update;

    public ChatRecord Chat { get; } = chat;

    public long ChatId => Update.ChatId;

    public UserRef User => Update.From;

    /// <summary>"subscribe", without slash.</summary>
    public string Command { get; } = command;

    /// <summary>Everything after the command, trimmed (may span lines).</summary>
    public string Args { get; } = args;

    public IReadOnlyList<string> Arguments { get; } = args.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    public bool IsAdmin { get; } = isAdmin;

    /// <summary>The reply language; /lang changes it before replying.</summary>
    public string Language { get; set; } = chat.Language ?? services.Settings.DefaultLanguage;

    public Recipient Recipient => new(ChatId, User.Id, User.FirstName, User.Username, Language, services.Settings.TimeZone);

    public Task ReplyAsync(string template, object? values = null, IReadOnlyList<IReadOnlyList<InlineButton>>? buttons = null, CancellationToken ct = default) =>
        QueueAsync(template, values, buttons, sensitive: false, ct);

    /// <summary>A reply holding a secret (a sign-in link): the outbox blanks its text once it is sent or given up.</summary>
    public Task ReplySensitiveAsync(string template, object? values, CancellationToken ct) =>
        QueueAsync(template, values, null, sensitive: true, ct);

    /// <summary>Sends already rendered HTML as a reply (previews).</summary>
    public Task SendAsync(string html, string kind, CancellationToken ct) =>
        services.Outbox.EnqueueAsync(new OutgoingMessage(NextReplyKey(), ChatId, html, MessagePriority.Reply, kind), ct);

    /// <summary>The localized usage hint for <paramref name="command"/> (or an unknown command).</summary>
    public Task UsageAsync(string command, string problem, string detail, CancellationToken ct)
    {
        var known = problem != UsageProblem.UnknownCommand;
        return ReplyAsync("usage", new
        {
            Command = known ? "/" + command : command,
            Syntax = known ? services.Labels.Find(Language, "usage." + command) ?? "/" + command : "",
            Problem = problem,
            Detail = detail,
            Example = known ? services.Labels.Find(Language, "example." + command) ?? "" : "",
        }, ct: ct);
    }

    /// <summary>A key for the next reply, unique to this update.</summary>
    public string NextReplyKey() => $"reply:{Update.Key}:{++_replies}";

    private async Task QueueAsync(string template, object? values, IReadOnlyList<IReadOnlyList<InlineButton>>? buttons, bool sensitive, CancellationToken ct)
    {
        var html = services.Renderer.Render(template, Recipient, values);
        await services.Outbox.EnqueueAsync(new OutgoingMessage(NextReplyKey(), ChatId, html, MessagePriority.Reply, template, buttons, Sensitive: sensitive), ct);
    }
}
