using System.Text.Json;
using Bot.Worker.Common;
using Bot.Worker.Hosting;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Unit.Hosting;

/// <summary>Logging:Format=json: Serilog's compact JSON in the log file, one event a line, secrets redacted as in text.</summary>
public sealed class JsonLogTests : IDisposable
{
    private const string Token = "123456789:AAFakeTokenForTests_abcdefghijklmnop";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bot-jsonlog-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Each_line_is_one_json_event_and_holds_neither_the_token_nor_the_database_password()
    {
        var configuration = Configuration(("Logging:Format", "json"), ("Telegram:Token", Token),
            ("Storage:ConnectionString", "Host=db;Database=bot;Username=bot;Password=hunter2-secret"));
        using (var logger = LoggingSetup.Create(configuration, new ContentPaths(_directory), null))
        {
            logger.Information("Sent {Count} messages to {Url}", 3, $"https://api.telegram.org/bot{Token}/sendMessage");
            logger.Error(new HttpRequestException($"POST /bot{Token}/getUpdates refused; Password=hunter2-secret"), "Poll failed");
        }

        var lines = File.ReadAllLines(Directory.GetFiles(Path.Combine(_directory, "logs")).Single());
        Assert.Equal(2, lines.Length);
        var first = JsonDocument.Parse(lines[0]).RootElement;
        Assert.Equal("Sent {Count} messages to {Url}", first.GetProperty("@mt").GetString());
        Assert.Equal(3, first.GetProperty("Count").GetInt32());
        Assert.Equal("https://api.telegram.org/bot***/sendMessage", first.GetProperty("Url").GetString());
        var second = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("Error", second.GetProperty("@l").GetString());
        Assert.Contains("refused", second.GetProperty("@x").GetString(), StringComparison.Ordinal);
        Assert.All(lines, l =>
        {
            Assert.DoesNotContain("AAFakeTokenForTests", l, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2-secret", l, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Text_stays_the_default()
    {
        using (var logger = LoggingSetup.Create(Configuration(), new ContentPaths(_directory), null))
        {
            logger.Information("Sent {Count} messages", 3);
        }

        Assert.EndsWith("] : Sent 3 messages", File.ReadAllLines(Directory.GetFiles(Path.Combine(_directory, "logs")).Single()).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_is_refused_naming_the_key()
    {
        var error = Assert.Throws<StartupException>(() => LoggingSetup.Create(Configuration(("Logging:Format", "xml")), new ContentPaths(_directory), null));
        Assert.Contains("Logging:Format", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection([new("Logging:File:Path", "logs/bot-.log"), .. values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))])
            .Build();
}
