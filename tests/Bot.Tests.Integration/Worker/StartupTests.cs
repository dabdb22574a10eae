using Bot.FakeTelegram;
using Bot.Tests.Integration.Support;
using Bot.Worker.Common;
using Bot.Worker.Hosting;

namespace Bot.Tests.Integration.Worker;

/// <summary>Start-up: bad configuration stops it with one clear line; the token never reaches a log.</summary>
public sealed class StartupTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Telegram:Token", "12345:nope")]
    [InlineData("Bot:TimeZone", "Mars/Olympus")]
    [InlineData("Storage:Provider", "Oracle")]
    [InlineData("Bot:DefaultLanguage", "fr")]
    [InlineData("Delivery:GlobalRatePerSecond", "lots")]
    public async Task A_bad_value_fails_start_up_naming_the_key(string key, string value)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotUnderTest.StartAsync(server, s => s.Configuration[key] = value));

        var line = StartupFailure.Describe(error);

        Assert.NotNull(line);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public async Task The_worker_process_exits_non_zero_with_one_line_naming_the_key()
    {
        var directory = RepoPaths.NewTempDirectory("bot-start");
        using var worker = WorkerProcess.Start(directory, "--Bot:TimeZone=Mars/Olympus", $"--Templates:Directory={RepoPaths.Templates}", "--Logging:File:Path=");

        var exit = await worker.WaitForExitAsync(Wait);

        Assert.Equal(2, exit);
        var fatal = Assert.Single(worker.Output, l => l.Contains("Start-up failed", StringComparison.Ordinal));
        Assert.Contains("Bot:TimeZone", fatal, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.Output, l => l.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_the_bot_api_rejects_stops_start_up_without_printing_it()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        const string other = "987654321:AAAnotherTokenThatTelegramDoesNotKnow_xyz";

        var error = await Assert.ThrowsAsync<StartupException>(() => BotUnderTest.StartAsync(server, s => s.Configuration["Telegram:Token"] = other));

        Assert.Contains("Telegram:Token", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAnotherToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_never_appears_in_any_log_line()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        server.FailWithServerError("sendMessage", 1);
        server.FailNext("getUpdates", 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        server.BlockChat(3101);
        await using var bot = await BotUnderTest.StartAsync(server, s => s.Configuration["Logging:LogLevel:Default"] = "Trace");

        server.EnqueueText(3101, "/start");
        server.EnqueueText(3102, "/start");
        server.EnqueueText(3103, "/nonsense");
        await server.WaitForMessagesAsync(3103, 1, Wait);
        await server.WaitForCallAsync("sendMessage", c => c.StatusCode == 403, Wait);

        var secret = server.Token.Split(':')[1];
        Assert.NotEmpty(bot.Logs.Events);
        Assert.DoesNotContain(bot.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        var logFile = Directory.GetFiles(Path.Combine(bot.Directory, "logs")).Single();
        using var reader = new StreamReader(new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        Assert.DoesNotContain(secret, await reader.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_worker_on_the_same_database_refuses_to_start()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var first = await BotUnderTest.StartAsync(server);
        using var second = WorkerProcess.Start(first.Directory,
            $"--Storage:ConnectionString=Data Source={Path.Combine(first.Directory, "bot.db")}",
            $"--Templates:Directory={RepoPaths.Templates}", "--Logging:File:Path=");

        var exit = await second.WaitForExitAsync(Wait);

        Assert.Equal(2, exit);
        Assert.Contains(second.Output, l => l.Contains("Another worker is already running", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deadlines_next_prints_the_schedule_and_fails_on_a_bad_file()
    {
        var directory = RepoPaths.NewTempDirectory("bot-cli");
        using (var good = WorkerProcess.Start(RepoPaths.Root, "deadlines", "next"))
        {
            Assert.Equal(0, await good.WaitForExitAsync(Wait));
            Assert.Contains(good.Output, l => l.Contains("monthly-work-report", StringComparison.Ordinal));
            Assert.Contains(good.Output, l => l.Contains("remind:5d", StringComparison.Ordinal));
        }
        var bad = Path.Combine(directory, "deadlines.yaml");
        await File.WriteAllTextAsync(bad, "teams:\n  - id: a\n    lead: 1\ndeadlines:\n  - id: d\n    title: T\n    team: a\n    due: tomorrow\n");
        using var failing = WorkerProcess.Start(RepoPaths.Root, "deadlines", "next", $"--Bot:DeadlinesFile={bad}");

        Assert.Equal(1, await failing.WaitForExitAsync(Wait));
        Assert.Contains(failing.Output, l => l.StartsWith($"{bad}:8:10: deadlines[0].due", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Console_mode_starts_with_no_configuration_and_answers_start()
    {
        var data = RepoPaths.NewTempDirectory("bot-console");
        using var worker = WorkerProcess.Start(RepoPaths.Root, $"--Storage:ConnectionString=Data Source={Path.Combine(data, "bot.db")}", "--Logging:File:Path=");

        await worker.WaitForOutputAsync(l => l.Contains("Console mode", StringComparison.Ordinal), Wait);
        await worker.Input.WriteLineAsync("/start");
        await worker.Input.FlushAsync();

        await worker.WaitForOutputAsync(l => l.Contains("96110", StringComparison.Ordinal), Wait);
        Assert.Contains(worker.Output, l => l.Contains("bot → chat 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Console_mode_start_in_chinese_shows_the_chinese_bot_name()
    {
        var data = RepoPaths.NewTempDirectory("bot-console-name");
        using var worker = WorkerProcess.Start(RepoPaths.Root, $"--Storage:ConnectionString=Data Source={Path.Combine(data, "bot.db")}", "--Logging:File:Path=", "--Bot:DefaultLanguage=zh-Hans");

        await worker.WaitForOutputAsync(l => l.Contains("Console mode", StringComparison.Ordinal), Wait);
        await worker.Input.WriteLineAsync("/start");
        await worker.Input.FlushAsync();

        await worker.WaitForOutputAsync(l => l.Contains("我是", StringComparison.Ordinal), Wait);
        var line = worker.Output.First(l => l.Contains("我是", StringComparison.Ordinal));
        Assert.Contains("我是反诈提醒助手", line, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.Output, l => l.Contains("Anti-Fraud Reminder Bot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deadlines_next_refuses_a_cron_field_out_of_range_with_its_line_and_column()
    {
        var directory = RepoPaths.NewTempDirectory("bot-cron");
        var bad = Path.Combine(directory, "deadlines.yaml");
        await File.WriteAllTextAsync(bad, "teams:\n  - id: a\n    lead: 1\ndeadlines:\n  - id: d\n    title: T\n    team: a\n    cron: \"0 0 17 99 * ?\"\n");
        using var failing = WorkerProcess.Start(RepoPaths.Root, "deadlines", "next", $"--Bot:DeadlinesFile={bad}");

        Assert.Equal(1, await failing.WaitForExitAsync(Wait));
        Assert.Contains(failing.Output, l => l.StartsWith($"{bad}:8:11: deadlines[0].cron", StringComparison.Ordinal) && l.Contains("day of month 99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_cron_stops_the_started_services_and_prints_one_line_without_a_stack_trace()
    {
        // The cron is refused by a service that starts after the dispatcher: the dispatcher must be
        // stopped before the host is disposed, or its drain throws ObjectDisposedException into the output.
        var directory = RepoPaths.NewTempDirectory("bot-cron-start");
        var bad = Path.Combine(directory, "deadlines.yaml");
        await File.WriteAllTextAsync(bad, "teams:\n  - id: a\n    lead: 1\ndeadlines:\n  - id: d\n    title: T\n    team: a\n    cron: \"0 0 17 99 * ?\"\n");
        using var worker = WorkerProcess.Start(directory, $"--Bot:DeadlinesFile={bad}", $"--Templates:Directory={RepoPaths.Templates}",
            "--Logging:File:Path=", "--Web:Urls=http://127.0.0.1:0");

        Assert.Equal(2, await worker.WaitForExitAsync(Wait));
        var fatal = Assert.Single(worker.Output, l => l.Contains("Start-up failed", StringComparison.Ordinal));
        Assert.Contains($"{bad}:8:11", fatal, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.Output, l => l.Contains("   at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Help_prints_the_commands_and_an_unknown_command_is_refused_without_starting_the_worker()
    {
        using (var help = WorkerProcess.Start(RepoPaths.Root, "--help"))
        {
            Assert.Equal(0, await help.WaitForExitAsync(Wait));
            Assert.Contains(help.Output, l => l.Contains("deadlines next", StringComparison.Ordinal));
        }
        using var unknown = WorkerProcess.Start(RepoPaths.Root, "deadline", "next");

        Assert.Equal(1, await unknown.WaitForExitAsync(Wait));
        Assert.Contains(unknown.Output, l => l.Contains("Unknown command 'deadline'", StringComparison.Ordinal));
        Assert.DoesNotContain(unknown.Output, l => l.Contains("Storage:", StringComparison.Ordinal));
    }
}
