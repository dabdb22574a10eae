namespace Bot.Worker.Templating.Kinds;

/// <summary>Replies to the template admin commands and /web.</summary>
internal static class AdminKinds
{
    public static IEnumerable<TemplateKind> All()
    {
        yield return new("template-list", "/templates", [new
        {
            Templates = new object[]
            {
                new { Name = "welcome", Languages = new object[] { new { Language = "zh-Hans", Version = 1, Edited = false }, new { Language = "en", Version = 3, Edited = true } } },
                new { Name = "awareness-tip", Languages = new object[] { new { Language = "en", Version = 1, Edited = false } } },
            },
        }]);
        yield return new("template-source", "/template NAME [LANG]", [new
        {
            Name = "awareness-tip",
            Language = "en",
            Version = 2,
            Source = "<b>{{ tip.title }}</b>\n{{ tip.body }}",
            Variables = new[] { "lang", "user.first_name", "tip.title", "tip.body" },
        }]);
        yield return new("template-saved", "reply to /template_set", [new { Name = "awareness-tip", Language = "en", Version = 2 }]);
        yield return new("template-refused", "a /template_set that was refused", [new
        {
            Name = "awareness-tip",
            Language = "en",
            Line = 3,
            Column = 7,
            Message = "<b> is never closed",
            Live = 1,
        }]);
        yield return new("template-history", "/history NAME LANG", [new
        {
            Name = "awareness-tip",
            Language = "en",
            Versions = new object[]
            {
                new { Version = 2, Author = "12345", At = "2026-11-24 10:00", Note = "/template_set", Live = true },
                new { Version = 1, Author = "shipped file", At = "2026-11-20 08:00", Note = "", Live = false },
            },
        }]);
        yield return new("template-rolled-back", "reply to /rollback", [new { Name = "awareness-tip", Language = "en", Version = 1 }]);
        yield return new("web-login", "reply to /web", [
            new { Enabled = true, Url = "https://bot.example.org/login?token=Zm9yIGV4YW1wbGUgb25seSwgbm90IGEgcmVhbCB0b2tlbg", Expires = "2026-11-24 10:10", Minutes = 10 },
            new { Enabled = false, Url = "", Expires = "", Minutes = 0 },
        ]);
        yield return new("web-login-group", "reply to /web in a group chat (no link there)", [new { }]);
    }
}
