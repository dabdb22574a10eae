using System.Collections.Concurrent;
using Bot.Worker.Channels;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Delivery;

/// <summary>
/// The channels beyond Telegram as an admin sees them (the console's Channels page, <c>channels test NAME</c>): each
/// robot and the SMTP server with its settings (URL masked, never a secret), last success, last error and queue from
/// the outbox, and a test message sent straight through it (its own limiter applies; nothing is queued). A test's
/// result counts as the channel's last success or last error on this node, as an admin who just pressed the button expects.
/// </summary>
internal sealed class ChannelBoard(RobotChannels robots, EmailSender email, IOptions<EmailOptions> emailOptions, OutboxDeliveryStore outbox, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, ChannelResult Result)> _tests = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> RobotNames => robots.Names;

    public EmailOptions Email => emailOptions.Value;

    public async Task<IReadOnlyList<ChannelLine>> LinesAsync(CancellationToken ct)
    {
        var robotActivity = (await outbox.RouteActivityAsync(DeliveryRoute.Robot, ct)).ToDictionary(a => a.Address ?? "", StringComparer.OrdinalIgnoreCase);
        var lines = robots.Names.Order(StringComparer.OrdinalIgnoreCase).Select(name =>
        {
            var robot = robots.Find(name)!;
            return new ChannelLine(name, robot.Robot.Kind.ToString(), robot.Robot.MaskedUrl, robot.Robot.Signs, robot.Limiter.PerMinute,
                WithTest(robotActivity.GetValueOrDefault(name) ?? new RouteActivity(name, null, null, null, 0), name));
        }).ToList();
        if (emailOptions.Value.Enabled)
        {
            var settings = emailOptions.Value;
            var activity = await outbox.RouteActivityAsync(DeliveryRoute.Email, ct) is [var any, ..] ? any : new RouteActivity(null, null, null, null, 0);
            lines.Add(new ChannelLine(DeliveryRoute.Email, $"SMTP {settings.Security}", $"{settings.Host}:{settings.Port} · {settings.From}", settings.User.Length > 0, settings.PerMinute,
                WithTest(activity, DeliveryRoute.Email)));
        }
        return lines;
    }

    /// <summary>
    /// Sends <paramref name="telegramHtml"/> to the robot named <paramref name="name"/>, or as an email to
    /// <paramref name="name"/> when it is an address; null when there is no such robot (or no SMTP server for an address).
    /// </summary>
    public async Task<ChannelResult?> TestAsync(string name, string telegramHtml, CancellationToken ct)
    {
        if (robots.Find(name) is { } robot)
        {
            return Note(name, await robot.SendAsync(telegramHtml, 0, ct));
        }
        if (!name.Contains('@', StringComparison.Ordinal) || !emailOptions.Value.Enabled)
        {
            return null;
        }
        var key = $"channel-test:{clock.GetUtcNow().ToUnixTimeMilliseconds()}:{DeliveryRoute.NormalizeEmail(name)}";
        return Note(DeliveryRoute.Email, await email.SendAsync(new EmailMessage(DeliveryRoute.NormalizeEmail(name), telegramHtml, key), ct));
    }

    private ChannelResult Note(string name, ChannelResult result)
    {
        _tests[name] = (clock.GetUtcNow(), result);
        return result;
    }

    /// <summary>The outbox's activity with this node's latest test of the channel, whichever is newer.</summary>
    private RouteActivity WithTest(RouteActivity activity, string name)
    {
        if (!_tests.TryGetValue(name, out var test))
        {
            return activity;
        }
        if (test.Result.Outcome == ChannelOutcome.Sent)
        {
            return activity.LastSent >= test.At ? activity : activity with { LastSent = test.At };
        }
        return activity.LastErrorAt >= test.At ? activity : activity with { LastError = test.Result.Reason ?? test.Result.Outcome.ToString(), LastErrorAt = test.At };
    }
}
