using Bot.FakeTelegram;
using Bot.Tests.Integration.Support;
using Bot.Worker.Hosting;

namespace Bot.Tests.Integration.Worker;

/// <summary>Webhook mode refuses to start half-configured: one line naming the key, never the secret, exit code 2.</summary>
public sealed class WebhookStartupTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("", "https://bot.example.test/hook", "true", "Telegram:WebhookSecret")]
    [InlineData("bad secret!", "https://bot.example.test/hook", "true", "Telegram:WebhookSecret")]
    [InlineData("good_Secret-1", "", "true", "Telegram:WebhookUrl")]
    [InlineData("good_Secret-1", "/hook", "true", "Telegram:WebhookUrl")]
    [InlineData("good_Secret-1", "https://bot.example.test/hook", "false", "Web:Enabled")]
    public async Task Webhook_mode_without_what_it_needs_fails_start_up_naming_the_key(string secret, string url, string webEnabled, string key)
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => BotUnderTest.StartAsync(server, s =>
        {
            s.Configuration["Telegram:Mode"] = "Webhook";
            s.Configuration["Telegram:WebhookSecret"] = secret;
            s.Configuration["Telegram:WebhookUrl"] = url;
            s.Configuration["Web:Enabled"] = webEnabled;
        }));

        var line = StartupFailure.Describe(error);

        Assert.NotNull(line);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain(secret.Length > 0 ? secret : "\u0001", line, StringComparison.Ordinal);
        Assert.Null(server.WebhookUrl);
    }

    [Fact]
    public async Task A_worker_process_with_a_bad_secret_exits_2_with_one_line_naming_the_key_but_not_the_secret()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-webhook");
        using var worker = WorkerProcess.Start(directory, WorkerProcess.Args(server, directory,
            "--Telegram:Mode=Webhook", "--Telegram:WebhookUrl=https://bot.example.test/hook", "--Telegram:WebhookSecret=no/slashes+allowed", "--Web:Urls=http://127.0.0.1:0"));

        var exit = await worker.WaitForExitAsync(Wait);

        Assert.Equal(2, exit);
        var fatal = Assert.Single(worker.Output, l => l.Contains("Start-up failed", StringComparison.Ordinal));
        Assert.Contains("Telegram:WebhookSecret", fatal, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.Output, l => l.Contains("no/slashes+allowed", StringComparison.Ordinal));
        Assert.DoesNotContain(worker.Output, l => l.Contains("   at ", StringComparison.Ordinal));
        Assert.Null(server.WebhookUrl);
    }
}
