namespace Bot.Worker.Templating.Kinds;

/// <summary>The scam check's verdict and the report flow (PRODUCT 4.8).</summary>
internal static class ScamKinds
{
    public static IEnumerable<TemplateKind> All()
    {
        yield return new("check-verdict", "the scam check: /check, or any text or forwarded message in a private chat",
            [Verdict("red"), Verdict("orange"), Verdict("green")]);
        yield return new("report-prompt", "after Report to us: send the message to report", [new { Minutes = 30 }]);
        yield return new("wrong-verdict-prompt", "after 👎 and Send it to our team: send the checked message again", [new { Minutes = 30 }]);
        yield return new("report-received", "the report was filed, or refused over the hourly limit",
        [
            new { Outcome = "filed", Id = 7L, Found = 2, Limit = 5 },
            new { Outcome = "rate_limited", Id = 0L, Found = 0, Limit = 5 },
        ]);
        yield return new("report-notice", "to every admin: a new report (fraud, or a verdict the user said was wrong), with Confirm number / Not fraud / Close (buttons added by the bot)",
        [
            new
            {
                Kind = "fraud",
                Verdict = NoVerdict,
                Id = 7L,
                Reporter = "Lin <b>&",
                ReporterId = 1001L,
                Text = "【公安局】你涉嫌洗钱，请联系王警官 +86 170-0000-0000，把资金转到安全账户。",
                Numbers = new object[] { new { Kind = "mobile", Value = "17000000000" }, new { Kind = "qq", Value = "100000001" } },
                Hosts = new[] { "etc-gov-cn.top" },
            },
            new
            {
                Kind = "wrong-verdict",
                Verdict = new { Emoji = "🔴", Signs = new[] { "police-impersonation", "plus86-caller" } },
                Id = 9L,
                Reporter = "Wang",
                ReporterId = 1003L,
                Text = "Hi team, the client call is at 4pm Beijing time, the police station's meeting room. Dial-in: +86 10 8765 4321.",
                Numbers = new object[] { new { Kind = "landline", Value = "01087654321" } },
                Hosts = Array.Empty<string>(),
            },
            new { Kind = "fraud", Verdict = NoVerdict, Id = 8L, Reporter = "1002", ReporterId = 1002L, Text = "hello", Numbers = Array.Empty<object>(), Hosts = Array.Empty<string>() },
        ]);
        yield return new("report-decided", "to the reporter: what the admins decided",
        [
            new { Id = 7L, Decision = "confirmed", Added = 2 },
            new { Id = 7L, Decision = "not_fraud", Added = 0 },
            new { Id = 7L, Decision = "closed", Added = 0 },
        ]);
        yield return new("myreports", "/myreports", [new { Reports = Reports(), Total = 2 }, new { Reports = Array.Empty<object>(), Total = 0 }]);
    }

    /// <summary>Reports as /myreports and /mydata list them.</summary>
    public static object[] Reports() =>
    [
        new { Id = 8L, State = "open", Created = "2026-11-24 10:05", Excerpt = "中奖了！请先交手续费…", Numbers = Array.Empty<string>() },
        new { Id = 7L, State = "confirmed", Created = "2026-11-23 21:40", Excerpt = "【公安局】你涉嫌洗钱…", Numbers = new[] { "17000000000" } },
    ];

    private static readonly object NoVerdict = new { Emoji = "", Signs = Array.Empty<string>() };

    private static object Verdict(string level) => new
    {
        Level = level,
        Emoji = level switch { "red" => "🔴", "orange" => "🟠", _ => "🟢" },
        Title = level switch
        {
            "red" => "High risk: this message shows strong signs of a scam",
            "orange" => "Suspicious: this message shows some signs of a scam",
            _ => "No known scam signs found (this does not mean it is safe)",
        },
        Signs = level == "green"
            ? Array.Empty<object>()
            :
            [
                new { Id = "safe-account", Text = "Asks you to move money to a \"safe account\": no such thing exists.", Host = "" },
                new { Id = "look-alike-link", Text = "A link whose address imitates an official site.", Host = "etc-gov-cn.top" },
            ],
        Hosts = level == "green" ? Array.Empty<string>() : ["etc-gov-cn.top"],
        Numbers = level == "red"
            ? new object[] { new { Kind = "mobile", Value = "17000000000" }, new { Kind = "service", Value = "96110" }, new { Kind = "wechat", Value = "fake_officer_demo" } }
            : [],
        Alike = new { Present = level == "red", Count = level == "red" ? 3 : 0, Last = level == "red" ? "2026-11-23" : "" },
        Fraud = level == "red" ? new object[] { new { Value = "17000000000", Note = "report #7" } } : [],
        Official = level == "red" ? new object[] { new { Value = "96110", Note = "Police anti-fraud warning and advice line" } } : [],
        KnownFraud = "This number or account is listed as a fraud number",
        KnownOfficial = "This is an official number",
        Tip = new
        {
            Present = level != "green",
            Title = level == "green" ? "" : SampleTipTitle,
            Body = level == "green" ? "" : "Police never ask you to move money into a \"safe account\". Hang up & call 96110.",
        },
        Advice = "Do not transfer money or share codes, passwords or card numbers. If unsure, call 96110; in an emergency, 110.",
    };

    private const string SampleTipTitle = "There is no \"safe account\"";
}
