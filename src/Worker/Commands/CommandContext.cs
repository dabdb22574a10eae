using Bot.Worker.Chats;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands;

/// <summary>One command (or button press) being handled: who, where, the arguments, and how to reply.</summary>
internal sealed class CommandContext(IncomingUpdate update, ChatRecord chat, string command, string args, bool isAdmin, Replier replier)
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
    public string Language { get; set; } = chat.Language ?? replier.Settings.DefaultLanguage;

    public Recipient Recipient => new(ChatId, User.Id, User.FirstName, User.Username, Language, replier.Settings.TimeZone);

    public Task ReplyAsync(string template, object? values = null, IReadOnlyList<IReadOnlyList<InlineButton>>? buttons = null, CancellationToken ct = default) =>
        replier.ReplyAsync(this, template, values, buttons, sensitive: false, ct);

    /// <summary>A reply holding a secret (a sign-in link): the outbox blanks its text once it is sent or given up.</summary>
    public Task ReplySensitiveAsync(string template, object? values, CancellationToken ct) =>
        replier.ReplyAsync(this, template, values, null, sensitive: true, ct);

    /// <summary>Sends already rendered HTML as a reply (previews).</summary>
    public Task SendAsync(string html, string kind, CancellationToken ct) => replier.SendAsync(this, html, kind, ct);

    /// <summary>A key for the next reply, unique to this update.</summary>
    public string NextReplyKey() => $"reply:{Update.Key}:{++_replies}";
}
