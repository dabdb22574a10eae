namespace Bot.Worker.Templating.Kinds;

/// <summary>Broadcasts (campaigns and alerts) and the admin views of them.</summary>
internal static class AwarenessKinds
{
    public static IEnumerable<TemplateKind> All()
    {
        yield return new("alert", "an approved alert broadcast (/broadcast TOPIC alert, or /broadcast TOPIC with the admin's text as text)",
        [
            new { Topic = "Fraud alerts", TopicId = "alerts", Broadcast = 12L, Text = "" },
            new { Topic = "Fraud alerts", TopicId = "alerts", Broadcast = 12L, Text = "Fake <b>courier</b> calls & texts today.\nHang up and call 96110." },
        ]);
        yield return new("publicity-week", "the publicity-week campaign", [new { Campaign = "publicity-week-2026", Topic = "Campaigns" }]);
        yield return new("broadcast-proposed", "reply to /broadcast",
        [
            new { Id = 12L, Topic = "Fraud alerts", Template = "alert", WithText = false, Audience = 300 },
            new { Id = 12L, Topic = "Fraud alerts", Template = "alert", WithText = true, Audience = 0 },
        ]);
        yield return new("broadcast-pending", "to every other admin: approve or reject",
        [
            new { Id = 12L, Topic = "Fraud alerts", Template = "alert", WithText = false, Audience = 300, Proposer = "Zhang Min", Stars = "30" },
            new { Id = 12L, Topic = "Fraud alerts", Template = "alert", WithText = true, Audience = 1, Proposer = "Zhang Min", Stars = "" },
        ]);
        yield return new("broadcast-refused", "reply to /broadcast TOPIC + text that cannot go out",
        [
            new { Reason = "too_long", Length = 9100, Limit = 8192, Language = "en", Version = 0 },
            new { Reason = "template_ignores_text", Length = 0, Limit = 0, Language = "zh-Hant", Version = 4 },
        ]);
        yield return new("broadcast-decision", "reply to /approve and /reject, and the proposer's notice",
        [
            Decision("approved", 300, "Li Wei"),
            Decision("own_proposal", 300, ""),
            Decision("not_found", 0, ""),
        ]);
        yield return new("stats", "/stats", [Stats(present: true), Stats(present: false)]);
        yield return new("audit-log", "/audit [N]",
        [
            new
            {
                Entries = new object[]
                {
                    new { At = "2026-11-24 10:02", User = "4242", Action = "/approve", Detail = "#12 alerts alert", Allowed = true },
                    new { At = "2026-11-24 10:01", User = "5151", Action = "/template_set", Detail = "awareness-tip en", Allowed = false },
                },
                Count = 2,
            },
        ]);
        yield return new("campaign-list", "/campaigns",
        [
            new { Campaigns = new object[] { new { Id = "weekly-tip", Topic = "Anti-fraud tips", Template = "awareness-tip", Schedule = "cron 0 0 10 ? * MON", Next = "2026-11-30 10:00" } } },
            new { Campaigns = Array.Empty<object>() },
        ]);
    }

    private static object Decision(string action, int audience, string by) =>
        new { Action = action, Id = 12L, Topic = audience == 0 ? "" : "Fraud alerts", Template = audience == 0 ? "" : "alert", Audience = audience, By = by };

    private static object Stats(bool present) => new
    {
        Topics = new object[]
        {
            new { Topic = "tips", Name = "Anti-fraud tips", Total = 250, Languages = new object[] { new { Language = "zh-Hans", Count = 200 }, new { Language = "en", Count = 50 } } },
            new { Topic = "campaigns", Name = "Campaigns", Total = 0, Languages = Array.Empty<object>() },
        },
        Chats = new { Active = 290, Blocked = 10, Forgotten = 2 },
        Day = Deliveries(),
        Week = Deliveries(),
        ByChannel = new object[]
        {
            new { Channel = "telegram", Name = "Telegram", Sent = 1180, Queued = 12, Failed = 9 },
            new { Channel = "robot", Name = "Group robots", Sent = 24, Queued = 0, Failed = 0 },
            new { Channel = "email", Name = "Email", Sent = 6, Queued = 1, Failed = 1 },
        },
        Broadcast = new
        {
            Present = present,
            Id = 12L,
            Kind = "alert",
            Name = "alert #12",
            Topic = "Fraud alerts",
            State = present ? "sending" : "",
            Total = 300,
            Queued = 120,
            Sent = 170,
            Blocked = 10,
            Failed = 0,
            Deferred = 0,
            Eta = present ? "5 minutes" : "",
            Stars = present ? "17" : "",
        },
        Checks = new
        {
            Red = present ? 12 : 0,
            Orange = present ? 30 : 0,
            Green = present ? 58 : 0,
            Total = present ? 100 : 0,
            TopSigns = present ? new object[] { new { Id = "safe-account", Count = 9 }, new { Id = "verification-code", Count = 7 } } : [],
            Votes = new
            {
                Red = new { Up = present ? 5 : 0, Down = present ? 1 : 0 },
                Orange = new { Up = present ? 3 : 0, Down = present ? 4 : 0 },
                Green = new { Up = present ? 8 : 0, Down = present ? 2 : 0 },
            },
            SignVotes = present
                ? new object[] { new { Id = "urgency", Checks = 20, Up = 2, Down = 3 }, new { Id = "safe-account", Checks = 9, Up = 4, Down = 0 } }
                : [],
        },
    };

    private static object Deliveries() => new { Pending = 120, Deferred = 3, Sent = 1700, Blocked = 10, Failed = 1, Expired = 0 };
}
