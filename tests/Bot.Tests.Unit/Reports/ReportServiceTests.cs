using Bot.Tests.Unit.Support;
using Bot.Worker.Awareness;
using Bot.Worker.Reports;
using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Reports;

/// <summary>Reports as use cases on a real SQLite file with fake time: the hourly limit, Confirm number, /forget, and the check counting.</summary>
public sealed class ReportServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private const long Chat = 5001, Admin = 9001;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_sixth_report_within_an_hour_is_refused_and_an_hour_later_accepted()
    {
        await using var bot = await StartAsync();
        var reports = bot.Get<ReportService>();
        for (var i = 0; i < ReportService.PerHour; i++)
        {
            Assert.Equal(ReportOutcome.Awaiting, await reports.StartAsync(Chat, Chat, Ct));
            Assert.NotNull(await reports.TakeAwaitingAsync(Chat, Ct));
            Assert.Equal(ReportOutcome.Filed, (await reports.FileAsync(Chat, Chat, $"scam {i} 13812345678", Ct)).Outcome);
            bot.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        Assert.Equal(ReportOutcome.RateLimited, await reports.StartAsync(Chat, Chat, Ct));
        Assert.Equal(ReportOutcome.RateLimited, (await reports.FileAsync(Chat, Chat, "one more", Ct)).Outcome);
        Assert.Equal(ReportOutcome.Awaiting, await reports.StartAsync(Chat + 1, Chat + 1, Ct));

        bot.Clock.Advance(TimeSpan.FromMinutes(40)); // the first report is now an hour old
        Assert.Equal(ReportOutcome.Awaiting, await reports.StartAsync(Chat, Chat, Ct));
        Assert.Equal(5, await bot.ScalarAsync("SELECT COUNT(*) FROM reports WHERE chat_id = @Chat", new { Chat }));
    }

    [Fact]
    public async Task The_awaiting_marker_is_taken_once_and_expires_after_half_an_hour()
    {
        await using var bot = await StartAsync();
        var reports = bot.Get<ReportService>();

        await reports.StartAsync(Chat, Chat, Ct);
        Assert.NotNull(await reports.TakeAwaitingAsync(Chat, Ct));
        Assert.Null(await reports.TakeAwaitingAsync(Chat, Ct));

        await reports.StartAsync(Chat, Chat, Ct);
        bot.Clock.Advance(ReportService.AwaitFor + TimeSpan.FromSeconds(1));
        Assert.Null(await reports.TakeAwaitingAsync(Chat, Ct));
    }

    [Fact]
    public async Task Confirm_number_adds_the_numbers_but_not_official_ones_audits_it_and_the_next_check_is_red()
    {
        await using var bot = await StartAsync();
        var reports = bot.Get<ReportService>();
        var checks = bot.Get<ScamCheckService>();
        Assert.Equal(ScamLevel.Green, (await checks.CheckAsync("请回电 138-1234-5678", Ct)).Level);
        var (_, report) = await reports.FileAsync(Chat, Chat, "我是客服，请加微信 kefu_refund88 或致电 +86 138 1234 5678，不信可以打 96110", Ct);

        var (outcome, decided, added) = await reports.DecideAsync(report!.Id, ReportState.Confirmed, Admin, Ct);

        Assert.Equal(ReportDecision.Confirmed, outcome);
        Assert.Equal(ReportState.Confirmed, decided!.State);
        Assert.Equal(["13812345678", "kefu_refund88"], added.Select(a => a.Value).Order(StringComparer.Ordinal));
        var verdict = await checks.CheckAsync("请回电 138-1234-5678", Ct);
        Assert.Equal(ScamLevel.Red, verdict.Level);
        Assert.Contains(verdict.FraudHits, k => k.Value == "13812345678");
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'report:confirmed' AND user_id = @Admin", new { Admin }));
        Assert.Equal(ReportDecision.AlreadyDecided, (await reports.DecideAsync(report.Id, ReportState.Closed, Admin + 1, Ct)).Outcome);
        Assert.Equal(2, await bot.ScalarAsync("SELECT COUNT(*) FROM known_numbers"));
    }

    [Fact]
    public async Task A_decision_from_any_door_tells_the_reporter_once_and_a_second_one_is_refused()
    {
        await using var bot = await StartAsync();
        var decisions = bot.Get<ReportDecisions>();
        var (_, report) = await bot.Get<ReportService>().FileAsync(Chat, Chat, "call 13912345678 now", Ct);

        var first = await decisions.DecideAsync(report!.Id, ReportState.Confirmed, Admin, Ct);
        var second = await decisions.DecideAsync(report.Id, ReportState.NotFraud, Admin + 1, Ct);

        Assert.True(first.Decided);
        Assert.Equal("13912345678", Assert.Single(first.Added).Value);
        Assert.Equal(ReportDecision.AlreadyDecided, second.Outcome);
        Assert.False(second.Decided);
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM outbox WHERE chat_id = @Chat AND kind = 'report-decided'", new { Chat }));
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'report:confirmed' AND user_id = @Admin", new { Admin }));
        Assert.Equal(0, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE user_id = @other", new { other = Admin + 1 }));
        Assert.Equal([report.Id], (await decisions.LatestAsync(ReportState.Confirmed, null, Ct)).Select(r => r.Id));
        Assert.Empty(await decisions.LatestAsync(ReportState.Open, null, Ct));
    }

    [Fact]
    public async Task Not_fraud_adds_nothing_and_an_unknown_report_is_not_found()
    {
        await using var bot = await StartAsync();
        var reports = bot.Get<ReportService>();
        var (_, report) = await reports.FileAsync(Chat, Chat, "QQ 123456789 says hello", Ct);

        Assert.Equal(ReportDecision.NotFraud, (await reports.DecideAsync(report!.Id, ReportState.NotFraud, Admin, Ct)).Outcome);
        Assert.Equal(ReportDecision.NotFound, (await reports.DecideAsync(999, ReportState.Confirmed, Admin, Ct)).Outcome);
        Assert.Equal(0, await bot.ScalarAsync("SELECT COUNT(*) FROM known_numbers"));
    }

    [Fact]
    public async Task Forget_deletes_the_chats_reports_and_marker_but_keeps_the_numbers_they_confirmed()
    {
        await using var bot = await StartAsync();
        var reports = bot.Get<ReportService>();
        var (_, report) = await reports.FileAsync(Chat, Chat, "call 13912345678 now", Ct);
        await reports.FileAsync(Chat + 1, Chat + 1, "someone else's report", Ct);
        await reports.DecideAsync(report!.Id, ReportState.Confirmed, Admin, Ct);
        await reports.StartAsync(Chat, Chat, Ct);

        await bot.Get<ForgetService>().ForgetAsync(Chat, Ct);

        Assert.Equal(0, (await reports.ListAsync(Chat, 10, Ct)).Total);
        Assert.Equal(1, (await reports.ListAsync(Chat + 1, 10, Ct)).Total);
        Assert.Null(await reports.TakeAwaitingAsync(Chat, Ct));
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM known_numbers WHERE value = '13912345678' AND report_id IS NULL"));
    }

    [Fact]
    public async Task Checks_are_counted_by_colour_and_sign_over_seven_days_without_the_text()
    {
        await using var bot = await StartAsync();
        var checks = bot.Get<ScamCheckService>();
        await checks.CheckAsync("我是公安局的王警官，你涉嫌洗钱，马上把钱转到安全账户，不要告诉家人", Ct);
        bot.Clock.Advance(TimeSpan.FromDays(3));
        await checks.CheckAsync("明天一起吃饭吗", Ct);
        await checks.CheckAsync("我是公安局的王警官，你涉嫌洗钱，马上把钱转到安全账户", Ct);

        var summary = await checks.SummaryAsync(7, 5, Ct);

        Assert.Equal(2, summary.Verdicts["red"]);
        Assert.Equal(1, summary.Verdicts["green"]);
        Assert.Contains(summary.TopSigns, s => s.SignId == "safe-account" && s.Count == 2);
        bot.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(1, (await checks.SummaryAsync(7, 5, Ct)).Verdicts["red"]);
        Assert.Equal(0, await bot.ScalarAsync("SELECT COUNT(*) FROM check_stats WHERE sign_id LIKE '%警%' OR level LIKE '%警%'"));
    }

    private static Task<WorkerServices> StartAsync() => WorkerServices.StartWithScamCheckAsync(Now);
}
