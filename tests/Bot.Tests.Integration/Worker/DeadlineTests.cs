using System.Globalization;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Quartz;

namespace Bot.Tests.Integration.Worker;

/// <summary>
/// Deadlines on a short real schedule (seconds), through real Quartz on the SQLite store, the
/// dispatcher and the real Telegram.Bot client against the fake Bot API server.
/// </summary>
public abstract class DeadlineTests(StorageProvider provider)
{
    private const long Lead = 6001;
    private const long Member = 6002;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public async Task The_ladder_reaches_both_members_and_done_stops_the_escalation()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-deadline");
        await using var bot = await BotUnderTest.StartAsync(provider, server, s => Configure(s, directory), directory);
        // The seconds-scale schedule starts once the worker is up (the saved file is reloaded), however long start-up took.
        // Done comes after the second reminder and must land before the due time: 6 s of margin for a busy CI machine
        // (at 2 s the overdue notices of a slow run went out first).
        WriteDeadlines(directory, DateTimeOffset.UtcNow.AddSeconds(12), "remind: [8s, 6s]", "escalate_after: 2s", "escalate_every: 2s");

        foreach (var chat in new[] { Lead, Member })
        {
            var reminders = await server.WaitForMessagesAsync(chat, 2, Wait);
            Assert.All(reminders, r => Assert.Contains("Quarterly fraud report", r.VisibleText, StringComparison.Ordinal));
            Assert.Equal(["dl:done:1", "dl:snz:1", "dl:ext:1"], reminders[0].ButtonData);
        }
        var reminder = server.SentTo(Member)[0];
        server.EnqueueCallback(Member, "dl:done:1", Member, reminder.MessageId);

        await server.WaitForCallAsync("answerCallbackQuery", null, Wait);
        var closed = await server.WaitForMessageAsync(m => m.ChatId == Lead && m.VisibleText.Contains("Quarterly", StringComparison.Ordinal) && m.Text.Contains('✅', StringComparison.Ordinal), Wait);
        Assert.NotNull(closed);
        var scheduler = await bot.Get<ISchedulerFactory>().GetScheduler();
        Assert.Empty(await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals("occ-1")));
        Assert.Equal(0, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM occurrence_steps WHERE state = 'scheduled'"));
        Assert.Equal("done", await bot.ScalarAsync<string>("SELECT state FROM occurrences WHERE id = 1"));
        Assert.Equal(Member, await bot.ScalarAsync<long>("SELECT user_id FROM occurrence_events WHERE kind = 'acknowledged'"));
        Assert.Equal(0, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM outbox WHERE kind = 'deadline-overdue'"));
    }

    [Fact]
    public async Task The_lead_gets_the_overdue_notice_when_nobody_presses_done()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-deadline");
        await using var bot = await BotUnderTest.StartAsync(provider, server, s => Configure(s, directory), directory);
        WriteDeadlines(directory, DateTimeOffset.UtcNow.AddSeconds(3), "remind: [1s]", "escalate_after: 1s", "escalate_every: 1h");

        var toLead = await server.WaitForMessagesAsync(Lead, 2, Wait); // the 1s reminder, then the escalation

        Assert.Contains("Quarterly fraud report", toLead[1].VisibleText, StringComparison.Ordinal);
        Assert.Empty(toLead[1].ButtonData);
        await bot.WaitForAsync("SELECT chat_id FROM outbox WHERE kind = 'deadline-overdue' AND state = 'sent'", Lead);
        Assert.Single(server.SentTo(Member));
    }

    [Fact]
    public async Task A_restart_of_the_worker_process_loses_no_step_and_sends_none_twice()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-deadline");
        await using var storage = await TestStorage.CreateAsync(provider, directory);
        var args = WorkerProcess.Args(storage, server, directory, $"--Bot:DeadlinesFile={Path.Combine(directory, "deadlines.yaml")}");
        using (var first = WorkerProcess.Start(directory, args))
        {
            // The schedule starts once the worker is up (a saved file is reloaded), so a slow start
            // cannot eat into it; 7 s between reminders leaves room for a slow restart too.
            await first.WaitForOutputAsync(l => l.Contains("Application started", StringComparison.Ordinal), Wait);
            WriteDeadlines(directory, DateTimeOffset.UtcNow.AddSeconds(20), "remind: [17s, 10s, 3s]");
            await server.WaitForMessagesAsync(Member, 1, Wait);
            await first.StopAsync(Wait);
        }
        Assert.Single(server.SentTo(Member));

        using var second = WorkerProcess.Start(directory, args);
        var all = await server.WaitForMessagesAsync(Member, 3, Wait);
        await server.WaitForMessagesAsync(Lead, 3, Wait);
        await Eventually.TrueAsync(() => server.SentCount == 6 && CountAsync(storage, "SELECT COUNT(*) FROM outbox WHERE kind = 'deadline-reminder' AND state = 'sent'").Result == 6, second);

        Assert.Equal(3, all.Count);
        Assert.Equal(3, await CountAsync(storage, "SELECT COUNT(DISTINCT idem_key) FROM outbox WHERE chat_id = 6002 AND kind = 'deadline-reminder'"));
        Assert.Equal(3, await CountAsync(storage, "SELECT COUNT(*) FROM occurrence_steps WHERE step LIKE 'remind:%' AND state = 'sent'"));
        Assert.Equal(3, server.SentTo(Member).Count);
    }

    [Fact]
    public async Task An_invite_code_lets_someone_join_a_team_once()
    {
        const long admin = 6100, newcomer = 6200, other = 6300;
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-deadline");
        WriteDeadlines(directory, DateTimeOffset.UtcNow.AddDays(3), "remind: [1d]");
        await using var bot = await BotUnderTest.StartAsync(provider, server, s =>
        {
            Configure(s, directory);
            s.Configuration["Bot:Admins:0"] = admin.ToString(CultureInfo.InvariantCulture);
        }, directory);

        server.EnqueueText(newcomer, "/deadlines", languageCode: "en");
        Assert.Contains("team", (await server.WaitForMessagesAsync(newcomer, 1, Wait))[0].VisibleText, StringComparison.OrdinalIgnoreCase);
        server.EnqueueText(admin, "/invite fraud", languageCode: "en");
        var invite = (await server.WaitForMessagesAsync(admin, 1, Wait))[0];
        var code = System.Text.RegularExpressions.Regex.Match(invite.VisibleText, "/join ([0-9A-F]{10})").Groups[1].Value;
        Assert.NotEmpty(code);

        server.EnqueueText(newcomer, "/join " + code, languageCode: "en");
        server.EnqueueText(newcomer, "/deadlines", languageCode: "en");
        server.EnqueueText(other, "/join " + code, languageCode: "en");

        var replies = await server.WaitForMessagesAsync(newcomer, 3, Wait);
        Assert.Contains("Fraud desk", replies[1].VisibleText, StringComparison.Ordinal);
        Assert.Contains("Quarterly fraud report", replies[2].VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("Fraud desk", (await server.WaitForMessagesAsync(other, 1, Wait))[0].VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, await bot.ScalarAsync<int>("SELECT COUNT(*) FROM team_members WHERE user_id = @newcomer AND source = 'invite'", new { newcomer }));
    }

    private static async Task<int> CountAsync(TestStorage storage, string sql) => (int)await storage.ScalarAsync<long>(sql);

    private static void Configure(Bot.Worker.Hosting.WorkerHostSettings settings, string directory) =>
        settings.Configuration["Bot:DeadlinesFile"] = Path.Combine(directory, "deadlines.yaml");

    private static void WriteDeadlines(string directory, DateTimeOffset due, params string[] ladder)
    {
        var local = TimeZoneInfo.ConvertTime(due, Shanghai).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(directory, "deadlines.yaml"), $"""
            time_zone: Asia/Shanghai
            teams:
              - id: fraud
                name: Fraud desk
                lead: {Lead}
                members: [{Lead}, {Member}]
            deadlines:
              - id: quarterly
                title: Quarterly fraud report
                team: fraud
                due: {local}
            {string.Concat(ladder.Select(l => "    " + l + "\n"))}
            """);
    }
}

public sealed class DeadlineTestsOnSqlite() : DeadlineTests(StorageProvider.Sqlite);

public sealed class DeadlineTestsOnPostgres() : DeadlineTests(StorageProvider.Postgres);
