namespace Bot.Worker.Templating.Kinds;

/// <summary>Replies to the public commands.</summary>
internal static class PublicKinds
{
    public static IEnumerable<TemplateKind> All()
    {
        var topics = SampleData.Topics;
        yield return new("welcome", "/start", [new { Topics = topics, SubscribedAny = true }, new { Topics = topics, SubscribedAny = false }]);
        yield return new("help", "/help", [Help(isAdmin: true), Help(isAdmin: false)]);
        yield return new("usage", "hint for an unknown command or a bad argument",
        [
            new { Command = "/lang", Syntax = "/lang zh-Hans|zh-Hant|en", Problem = "bad_arguments", Detail = "klingon", Example = "/lang en" },
            new { Command = "/quiet", Syntax = "/quiet HH:MM-HH:MM|off", Problem = "missing_arguments", Detail = "", Example = "/quiet 22:00-07:00" },
            new { Command = "/frobnicate", Syntax = "", Problem = "unknown_command", Detail = "", Example = "" },
        ]);
        yield return new("report", "/report", [new { }]);
        yield return new("verify", "/verify", [new { }]);
        yield return new("awareness-tip", "/tip and rotate: tips campaigns", [new { Tip = SampleData.Tip, TipNumber = 3, TipCount = 34 }]);
        yield return new("subscribed", "reply to /subscribe",
        [
            new { Changed = new[] { "Anti-fraud tips" }, Topics = topics },
            new { Changed = Array.Empty<string>(), Topics = topics },
        ]);
        yield return new("unsubscribed", "reply to /unsubscribe and /stop",
        [
            new { Changed = new[] { "Anti-fraud tips" }, All = true, Topics = topics },
            new { Changed = Array.Empty<string>(), All = false, Topics = topics },
        ]);
        yield return new("topics", "/topics (toggle buttons are added by the bot)", [new { Topics = topics }]);
        yield return new("language-set", "reply to /lang, in the new language", [new { LanguageName = "English" }]);
        yield return new("quiet-set", "reply to /quiet",
        [
            new { Enabled = true, Start = "22:00", Until = "07:00", Zone = "Asia/Shanghai" },
            new { Enabled = false, Start = "", Until = "", Zone = "" },
        ]);
        yield return new("mydata", "/mydata", [MyData(full: true), MyData(full: false)]);
        yield return new("forgotten", "reply to /forget", [new { }]);
        yield return new("not-allowed", "refusal of an admin or team command",
            [new { Command = "/broadcast", Required = "admin" }, new { Command = "/done", Required = "member" }]);
        yield return new("error", "a command failed unexpectedly", [new { }]);
    }

    private static object Help(bool isAdmin) => new
    {
        Commands = new object[]
        {
            new { Command = "/start", Args = "", Description = "Start: what I do and how to subscribe" },
            new { Command = "/subscribe", Args = "[tips|alerts|campaigns ...]", Description = "Subscribe to topics" },
            new { Command = "/lang", Args = "zh-Hans|zh-Hant|en", Description = "Choose your language" },
        },
        IsAdmin = isAdmin,
        IsMember = !isAdmin,
    };

    private static object MyData(bool full) => new
    {
        Chat = new
        {
            Id = 1001L,
            Kind = "private",
            Language = "en",
            Status = "active",
            Created = "2026-11-01 09:30",
            Quiet = full ? "22:00-07:00 Asia/Shanghai" : "",
        },
        Topics = SampleData.Topics,
        Consent = full
            ? new object[] { new { At = "2026-11-01 09:31", Topic = "Anti-fraud tips", Action = "on", Source = "/subscribe" } }
            : [],
        Teams = full ? new[] { "Network security team" } : [],
        Reports = full ? ScamKinds.Reports() : [],
        ReportCount = full ? 2 : 0,
    };
}
