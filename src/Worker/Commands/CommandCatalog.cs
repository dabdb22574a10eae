using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands;

/// <summary>The registered commands in the order of the product's command table, for /help and the "/" menus.</summary>
internal sealed class CommandCatalog
{
    private static readonly string[] Order =
    [
        "start", "help", "subscribe", "unsubscribe", "stop", "topics", "lang", "quiet", "tip", "report", "check", "myreports", "verify",
        "mydata", "forget", "join", "deadlines", "done", "snooze", "extend", "batches", "batch", "batch_set", "open", "templates", "template",
        "template_set", "preview", "history", "rollback", "broadcast", "web", "approve", "reject", "withdraw", "campaigns", "invite", "stats", "audit",
    ];

    private readonly Dictionary<string, ICommandHandler> _handlers;
    private readonly Labels _labels;

    public CommandCatalog(IEnumerable<ICommandHandler> handlers, Labels labels)
    {
        _handlers = handlers.ToDictionary(h => h.Name);
        _labels = labels;
    }

    public ICommandHandler? Find(string name) => _handlers.GetValueOrDefault(name);

    /// <summary>The commands a user with this access may use, in menu order.</summary>
    public IEnumerable<ICommandHandler> Visible(bool isAdmin, bool isMember) =>
        Ordered().Where(h => h.Access switch
        {
            CommandAccess.Admin => isAdmin,
            CommandAccess.TeamMember => isMember || isAdmin,
            _ => true,
        });

    public object HelpEntry(ICommandHandler handler, string language)
    {
        var usage = _labels.Find(language, "usage." + handler.Name) ?? "/" + handler.Name;
        var space = usage.IndexOf(' ', StringComparison.Ordinal);
        return new
        {
            Command = "/" + handler.Name,
            Args = space > 0 ? usage[(space + 1)..] : "",
            Description = _labels.Get(language, "command." + handler.Name),
        };
    }

    /// <summary>
    /// setMyCommands menus: public commands for everyone in each language, team commands too in each
    /// member's chat, everything in each admin's chat.
    /// Telegram keys menus by two-letter code, so zh-Hans and zh-Hant share "zh" (the default language's script wins).
    /// </summary>
    public IReadOnlyList<CommandMenu> Menus(string defaultLanguage, IReadOnlyCollection<long> adminChats, IReadOnlyCollection<long> memberChats)
    {
        var menus = new List<CommandMenu>();
        foreach (var (code, language) in MenuLanguages(defaultLanguage))
        {
            menus.Add(new CommandMenu(null, code, Entries(Visible(isAdmin: false, isMember: false), language)));
        }
        foreach (var member in memberChats.Except(adminChats))
        {
            menus.AddRange(ChatMenus(defaultLanguage, member, isAdmin: false, isMember: true));
        }
        foreach (var admin in adminChats)
        {
            menus.AddRange(ChatMenus(defaultLanguage, admin, isAdmin: true, isMember: true));
        }
        return menus;
    }

    /// <summary>One chat's menus in each language; for someone neither admin nor member, the public commands (no team commands left behind).</summary>
    public IReadOnlyList<CommandMenu> ChatMenus(string defaultLanguage, long chatId, bool isAdmin, bool isMember) =>
        [.. MenuLanguages(defaultLanguage).Select(l => new CommandMenu(chatId, l.Code, Entries(Visible(isAdmin, isMember), l.Language)))];

    private static (string? Code, string Language)[] MenuLanguages(string defaultLanguage) =>
        [(null, defaultLanguage), ("zh", defaultLanguage == "zh-Hant" ? "zh-Hant" : "zh-Hans"), ("en", "en")];

    private List<KeyValuePair<string, string>> Entries(IEnumerable<ICommandHandler> handlers, string language) =>
        handlers.Select(h => KeyValuePair.Create(h.Name, Truncate(_labels.Get(language, "command." + h.Name), 256))).ToList();

    private IEnumerable<ICommandHandler> Ordered() =>
        _handlers.Values.OrderBy(h => Array.IndexOf(Order, h.Name) is var i && i >= 0 ? i : int.MaxValue).ThenBy(h => h.Name, StringComparer.Ordinal);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
