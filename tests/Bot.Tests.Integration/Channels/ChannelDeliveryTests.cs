using System.Globalization;
using System.Net;
using Bot.FakeRobots;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Deadlines;
using Bot.Worker.Delivery;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Quartz;

namespace Bot.Tests.Integration.Channels;

/// <summary>
/// Deadlines on every channel in a running worker (PRODUCT.md 4.9): the real robot clients against the fake WeCom,
/// DingTalk and Feishu robots, MailKit against a real SMTP server on loopback, the real Telegram.Bot client against the
/// fake Bot API, ack links through the worker's own web server.
/// </summary>
public abstract class ChannelDeliveryTests(StorageProvider provider)
{
    private const long Lead = 6001;
    private const long Member = 6002;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task Thirty_reminders_due_in_one_minute_reach_a_wecom_robot_under_its_limit_every_title_none_lost()
    {
        await using var bed = await ChannelsUnderTest.CreateAsync();
        await bed.StartAsync(provider);
        var due = DateTimeOffset.UtcNow.AddSeconds(20);
        bed.WriteDeadlines(Team($"robots: [{ChannelsUnderTest.WeCom}]") + string.Concat(Enumerable.Range(1, 30).Select(i => $"""
              - id: report-{i:00}
                title: Monthly report {i:00}
                team: fraud
                due: {Local(due)}
                remind: [10s]

            """)));

        await Eventually.TrueAsync(async () => await bed.Bot.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE channel = 'robot' AND state = 'sent'") == 30,
            TimeSpan.FromSeconds(150));

        var posts = bed.Robots.Posts.Where(p => p.Kind == FakeRobotKind.WeCom).ToList();
        Assert.True(MostInAnyWindow(posts, TimeSpan.FromSeconds(60)) <= 20, $"{posts.Count} posts, {MostInAnyWindow(posts, TimeSpan.FromSeconds(60))} in one minute");
        Assert.DoesNotContain(posts, p => p.Code == 45009);
        var accepted = posts.Where(p => p.Accepted).Select(p => p.Text).ToList();
        Assert.All(Enumerable.Range(1, 30), i => Assert.Contains(accepted, t => t.Contains($"Monthly report {i:00}", StringComparison.Ordinal)));
        Assert.Contains(accepted, t => t.Contains("deadline messages", StringComparison.Ordinal)); // a digest
        Assert.True(accepted.Count < 30, $"{accepted.Count} posts for 30 reminders");
        Assert.Equal(30, await bed.Bot.ScalarAsync<long>("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'reminded' AND detail = 'robot netsec-wecom'"));

        // /metrics counts them by channel: every reminder row, not the posts (fewer than 30). OpenTelemetry listens to every
        // meter named "Bot" in the process, so a host of another test running beside this one adds its own robot rows.
        var (_, metrics) = await Scrape.GetAsync(bed.Bot, "/metrics");
        Assert.InRange(Scrape.Samples(metrics, "bot_outbox_sent_total").Where(s => s.Labels.Contains("channel=\"robot\"", StringComparison.Ordinal)).Sum(s => s.Value), 30, double.MaxValue);
        Assert.Contains(Scrape.Samples(metrics, "bot_outbox_failed_total"), s => s.Labels.Contains("channel=\"email\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rate_errors_are_delivered_later_a_bad_key_or_signature_fails_at_once_and_no_secret_is_logged()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bed = await ChannelsUnderTest.CreateAsync(clock);
        bed.AddRobot("bad-wecom", FakeRobotKind.WeCom, wrongKey: true);
        bed.AddRobot("bad-dingtalk", FakeRobotKind.DingTalk, wrongSecret: true);
        bed.AddRobot("bad-feishu", FakeRobotKind.Feishu, wrongSecret: true);
        await bed.StartAsync(provider, s => s.TimeProvider = clock);
        var bot = bed.Bot;

        foreach (var (robot, kind, code, later) in new[]
        {
            (ChannelsUnderTest.WeCom, FakeRobotKind.WeCom, 45009L, TimeSpan.FromMinutes(1)),
            (ChannelsUnderTest.DingTalk, FakeRobotKind.DingTalk, 130101L, TimeSpan.FromMinutes(10)),
            (ChannelsUnderTest.Feishu, FakeRobotKind.Feishu, 11232L, TimeSpan.FromSeconds(10)),
        })
        {
            bed.Robots.AnswerNext(kind, code, "too fast");
            await EnqueueAsync(bot, robot, $"later-{robot}");
            await Eventually.TrueAsync(async () => await StateAsync(bot, $"later-{robot}") == "deferred");
            var waits = TimeSpan.FromMilliseconds(await bot.ScalarAsync<long>("SELECT not_before FROM outbox WHERE idem_key = @key", new { key = $"later-{robot}" })
                - clock.GetUtcNow().ToUnixTimeMilliseconds());
            Assert.InRange(waits, later - TimeSpan.FromSeconds(1), later + TimeSpan.FromSeconds(1));

            clock.Advance(later + TimeSpan.FromSeconds(1));
            bot.Get<DispatchSignal>().DeferredAdded();
            await Eventually.TrueAsync(async () => await StateAsync(bot, $"later-{robot}") == "sent");
            Assert.Contains(bed.Robots.Accepted(kind), p => p.Text.Contains($"later-{robot}", StringComparison.Ordinal));
        }

        foreach (var (robot, code) in new[] { ("bad-wecom", "93000"), ("bad-dingtalk", "310000"), ("bad-feishu", "19021") })
        {
            await EnqueueAsync(bot, robot, $"refused-{robot}");
            await Eventually.TrueAsync(async () => await StateAsync(bot, $"refused-{robot}") == "failed");
            Assert.Equal(1, await bot.ScalarAsync<long>("SELECT attempts FROM outbox WHERE idem_key = @key", new { key = $"refused-{robot}" }));
            Assert.Contains(code, await bot.ScalarAsync<string>("SELECT last_error FROM outbox WHERE idem_key = @key", new { key = $"refused-{robot}" }), StringComparison.Ordinal);
            Assert.Single(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains(robot, StringComparison.Ordinal));
        }
        clock.Advance(TimeSpan.FromHours(1));
        bot.Get<DispatchSignal>().DeferredAdded();
        // A row sent after the hour has passed: the dispatcher's pass since then retried nothing refused.
        await EnqueueAsync(bot, ChannelsUnderTest.WeCom, "after-the-hour");
        await Eventually.TrueAsync(async () => await StateAsync(bot, "after-the-hour") == "sent");
        Assert.Equal(3, bed.Robots.Posts.Count(p => !p.Accepted && p.Code is 93000 or 310000 or 19021));
        await bed.AssertNoSecretLeakedAsync();
    }

    [Fact]
    public async Task An_email_reminder_has_both_parts_and_links_get_shows_post_acts_and_a_used_expired_or_altered_link_is_refused()
    {
        await using var bed = await ChannelsUnderTest.CreateAsync();
        await bed.StartAsync(provider);
        var wang = DeliveryRoute.EmailId("wang.wei@example.cn");
        bed.WriteDeadlines(Team($"robots: [{ChannelsUnderTest.WeCom}]", "{ email: wang.wei@example.cn, name: Wang Wei }") + $"""
              - id: quarterly
                title: Quarterly fraud report
                team: fraud
                due: {Local(DateTimeOffset.UtcNow.AddSeconds(60))}
                remind: [50s]
                escalate_after: 10s
                escalate_every: 10s

            """);

        var mail = await MailToAsync(bed, "wang.wei@example.cn");
        Assert.Equal("⏰ Deadline reminder: Quarterly fraud report", mail.Subject);
        Assert.Equal("\"Wang Wei\" <wang.wei@example.cn>", mail.To.ToString());
        Assert.Equal(["text/plain", "text/html"], Assert.IsType<MultipartAlternative>(mail.Body).Select(p => p.ContentType.MimeType));
        var links = AckClient.Links(mail.HtmlBody ?? "");
        Assert.Equal(["✅ Done", "⏰ Snooze 1h", "📨 Need extension"], links.Keys);
        Assert.All(links.Values, l => Assert.StartsWith(bed.Bot.WebAddress.ToString().TrimEnd('/') + "/ack/", l, StringComparison.Ordinal));
        Assert.All(links.Values, l => Assert.Contains(l, mail.TextBody, StringComparison.Ordinal));
        var occurrence = await bed.Bot.ScalarAsync<long>("SELECT id FROM occurrences");
        using var browser = new AckClient();

        // GET (a mail scanner, a link preview, the person opening it) changes nothing.
        for (var i = 0; i < 2; i++)
        {
            var (status, page) = await browser.GetAsync(links["✅ Done"]);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("Mark as done", page, StringComparison.Ordinal);
            Assert.Contains("Wang Wei", page, StringComparison.Ordinal);
        }
        Assert.Equal("open", await bed.Bot.ScalarAsync<string>("SELECT state FROM occurrences"));
        Assert.Equal(0, await bed.Bot.ScalarAsync<long>("SELECT COUNT(*) FROM ack_uses"));

        // Snooze once; the same link again is used.
        await browser.GetAsync(links["⏰ Snooze 1h"]);
        var (snoozed, snoozedPage) = await browser.PostAsync(links["⏰ Snooze 1h"]);
        Assert.Equal(HttpStatusCode.OK, snoozed);
        Assert.Contains("you will be reminded again at", snoozedPage, StringComparison.Ordinal);
        var (again, againPage) = await browser.PostAsync(links["⏰ Snooze 1h"]);
        Assert.Equal(HttpStatusCode.Gone, again);
        Assert.Contains("This link was already used", againPage, StringComparison.Ordinal);

        // A robot's link asks who is acting.
        var robotPost = await RobotPostAsync(bed, "Quarterly fraud report");
        var robotLinks = AckClient.Links(robotPost);
        var (_, robotPage) = await browser.GetAsync(robotLinks["⏰ Snooze 1h"]);
        Assert.Contains("Which team member are you?", robotPage, StringComparison.Ordinal);
        Assert.Contains(">Wang Wei</option>", robotPage, StringComparison.Ordinal);
        Assert.Contains("Choose which team member you are first.", (await browser.PostAsync(robotLinks["⏰ Snooze 1h"])).Html, StringComparison.Ordinal);
        Assert.Contains("you will be reminded again at", (await browser.PostAsync(robotLinks["⏰ Snooze 1h"], person: Lead)).Html, StringComparison.Ordinal);
        Assert.Equal(1, await bed.Bot.ScalarAsync<long>("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'snoozed' AND user_id = @Lead AND detail LIKE '%via robot netsec-wecom'", new { Lead }));

        // POST Done acts: closed for the team, later steps gone, the evidence says who and how.
        await browser.GetAsync(links["✅ Done"]);
        var (done, donePage) = await browser.PostAsync(links["✅ Done"]);
        Assert.Equal(HttpStatusCode.OK, done);
        Assert.Contains("Marked done", donePage, StringComparison.Ordinal);
        Assert.Equal("done", await bed.Bot.ScalarAsync<string>("SELECT state FROM occurrences"));
        Assert.Equal(wang, await bed.Bot.ScalarAsync<long>("SELECT closed_by FROM occurrences"));
        Assert.Equal(1, await bed.Bot.ScalarAsync<long>("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'acknowledged' AND user_id = @wang AND detail = 'via email'", new { wang }));
        Assert.Equal(0, await bed.Bot.ScalarAsync<long>("SELECT COUNT(*) FROM occurrence_steps WHERE state = 'scheduled'"));
        var scheduler = await bed.Bot.Get<ISchedulerFactory>().GetScheduler();
        Assert.Empty(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals($"occ-{occurrence}")));
        var reply = await ConsoleSignIn.AskAsync(bed.Telegram, Lead, "/deadlines closed");
        Assert.Contains("Quarterly fraud report", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Wang Wei", reply.VisibleText, StringComparison.Ordinal);

        // Refused, each with its reason: a used Done (the deadline is closed), an expired and an altered link.
        var (closed, closedPage) = await browser.PostAsync(links["✅ Done"]);
        Assert.Equal(HttpStatusCode.Gone, closed);
        Assert.Contains("This deadline is closed", closedPage, StringComparison.Ordinal);
        Assert.Contains("Closed by Wang Wei", closedPage, StringComparison.Ordinal);
        var old = bed.Bot.Get<AckLinks>().Url(new AckTicket(AckAction.Done, occurrence, false, wang, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-20))));
        var (expired, expiredPage) = await browser.GetAsync(old);
        Assert.Equal(HttpStatusCode.Gone, expired);
        Assert.Contains("The link has expired", expiredPage, StringComparison.Ordinal);
        var token = links["✅ Done"][(links["✅ Done"].LastIndexOf('/') + 1)..];
        var (altered, alteredPage) = await browser.GetAsync(links["✅ Done"][..^token.Length] + token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..]);
        Assert.Equal(HttpStatusCode.BadRequest, altered);
        Assert.Contains("The link is incomplete or has been changed", alteredPage, StringComparison.Ordinal);
        Assert.DoesNotContain(bed.Bot.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_telegram_member_who_blocked_the_bot_gets_each_reminder_by_email_once()
    {
        await using var bed = await ChannelsUnderTest.CreateAsync();
        await bed.StartAsync(provider);
        await ConsoleSignIn.AskAsync(bed.Telegram, Member, "/start");
        bed.Telegram.BlockChat(Member);
        bed.WriteDeadlines(Team("", $"{{ telegram: {Member}, email: li.na@example.cn, name: Li Na }}") + $"""
              - id: quarterly
                title: Quarterly fraud report
                team: fraud
                due: {Local(DateTimeOffset.UtcNow.AddSeconds(25))}
                remind: [15s, 5s]

            """);

        await Eventually.TrueAsync(() => bed.Smtp.Messages.Count(m => m.To.ToString().Contains("li.na@example.cn", StringComparison.Ordinal)) >= 2, within: Wait);
        await bed.Telegram.WaitForMessagesAsync(Lead, 2, Wait);
        // Nothing left to send: a third email would have reached the server before its row left pending or sending.
        await Eventually.TrueAsync(async () => await bed.Bot.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')") == 0, within: Wait);

        var mails = bed.Smtp.Messages.Where(m => m.To.ToString().Contains("li.na@example.cn", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mails.Count);
        Assert.Equal(2, mails.Select(m => m.MessageId).Distinct().Count());
        Assert.All(mails, m => Assert.Equal("⏰ Deadline reminder: Quarterly fraud report", m.Subject));
        Assert.Single(bed.Telegram.Calls, c => c.Method == "sendMessage" && c.StatusCode == 403);
        Assert.Equal("blocked", await bed.Bot.ScalarAsync<string>("SELECT status FROM chats WHERE chat_id = @Member", new { Member }));
        Assert.Equal(1, await bed.Bot.ScalarAsync<long>("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'reminded' AND step = 'remind:15s' AND detail LIKE 'fallback to email li.na@example.cn: %'"));
        Assert.Equal(1, await bed.Bot.ScalarAsync<long>("SELECT COUNT(*) FROM occurrence_events WHERE kind = 'reminded' AND step = 'remind:5s' AND detail = 'email li.na@example.cn (the Telegram chat is blocked)'"));
        Assert.Equal(2, await bed.Bot.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE channel = 'email' AND state = 'sent'"));
    }

    private static async Task<MimeMessage> MailToAsync(ChannelsUnderTest bed, string address)
    {
        MimeMessage? mail = null;
        await Eventually.TrueAsync(() => (mail = bed.Smtp.Messages.FirstOrDefault(m => m.To.ToString().Contains(address, StringComparison.Ordinal))) is not null, within: Wait);
        return mail!;
    }

    private static async Task<string> RobotPostAsync(ChannelsUnderTest bed, string title)
    {
        ReceivedPost? post = null;
        await Eventually.TrueAsync(() => (post = bed.Robots.Posts.FirstOrDefault(p => p.Accepted && p.Text.Contains(title, StringComparison.Ordinal))) is not null, within: Wait);
        return post!.Text;
    }

    private static Task<bool> EnqueueAsync(BotUnderTest bot, string robot, string key) =>
        bot.Get<IOutbox>().EnqueueAsync(OutgoingMessage.To(DeliveryRoute.ToRobot(robot), key, $"<b>Reminder</b> {key}", Bot.Worker.Delivery.MessagePriority.Reminder, "test"), CancellationToken.None);

    private static async Task<string> StateAsync(BotUnderTest bot, string key) =>
        await bot.ScalarAsync<string>("SELECT state FROM outbox WHERE idem_key = @key", new { key });

    private static int MostInAnyWindow(List<ReceivedPost> posts, TimeSpan window)
    {
        var times = posts.Select(p => p.At).Order().ToList();
        var most = 0;
        for (int start = 0, end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }
            most = Math.Max(most, end - start + 1);
        }
        return most;
    }

    private static string Local(DateTimeOffset due) =>
        TimeZoneInfo.ConvertTime(due, Shanghai).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);

    private static string Team(string robots, params string[] members) => $"""
        time_zone: Asia/Shanghai
        teams:
          - id: fraud
            name: Fraud desk
            lead: {Lead}
            members: [{string.Join(", ", [Lead.ToString(CultureInfo.InvariantCulture), .. members])}]
            {robots}
        deadlines:

        """;
}

public sealed class ChannelDeliveryTestsOnSqlite() : ChannelDeliveryTests(StorageProvider.Sqlite);

public sealed class ChannelDeliveryTestsOnPostgres() : ChannelDeliveryTests(StorageProvider.Postgres);
