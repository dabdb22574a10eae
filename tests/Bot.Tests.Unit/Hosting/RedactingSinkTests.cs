using Bot.Worker.Hosting;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace Bot.Tests.Unit.Hosting;

public sealed class RedactingSinkTests
{
    private const string Token = "123456789:AAFakeTokenForTests_abcdefghijklmnop";

    [Fact]
    public void The_token_never_reaches_a_sink()
    {
        var sink = new ListSink();
        using var logger = new LoggerConfiguration().WriteTo.Sink(new RedactingSink(sink, LoggingSetup.Secrets(Token))).CreateLogger();

        logger.Information("Calling https://api.telegram.org/bot" + Token + "/getMe");
        logger.Warning("Request to {Url} failed", $"https://api.telegram.org/bot{Token}/sendMessage");
        logger.Error(new HttpRequestException($"POST /bot{Token}/getUpdates refused"), "Poll failed");
        logger.Information("Secret half alone: {Part}", Token.Split(':')[1]);

        Assert.Equal(4, sink.Events.Count);
        foreach (var e in sink.Events)
        {
            var text = e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + e.Exception;
            Assert.DoesNotContain("AAFakeTokenForTests", text, StringComparison.Ordinal);
            Assert.Contains("***", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Events_without_the_token_pass_unchanged()
    {
        var sink = new ListSink();
        using var logger = new LoggerConfiguration().WriteTo.Sink(new RedactingSink(sink, LoggingSetup.Secrets(Token))).CreateLogger();

        logger.Information("Sent {Count} messages", 3);

        Assert.Equal("Sent 3 messages", Assert.Single(sink.Events).RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_sign_in_token_in_a_url_never_reaches_a_sink()
    {
        var sink = new ListSink();
        using var logger = new LoggerConfiguration().WriteTo.Sink(new RedactingSink(sink, [])).CreateLogger();

        logger.Information("Request starting HTTP/1.1 GET http://127.0.0.1:8080/login?token=AbC-123_xyz - - -");
        logger.Information("Request {Path}{Query}", "/login", "?a=1&token=AbC-123_xyz&b=2");

        Assert.All(sink.Events, e =>
        {
            var text = e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture);
            Assert.DoesNotContain("AbC-123_xyz", text, StringComparison.Ordinal);
            Assert.Contains("token=***", text, StringComparison.Ordinal);
        });
    }

    private sealed class ListSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
