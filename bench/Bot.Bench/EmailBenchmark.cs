using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Bot.FakeTelegram;
using Bot.Worker.Delivery;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Bot.Bench;

/// <summary>
/// E-mail through the outbox (enqueue in one transaction, the dispatcher, the email channel: composing the
/// multipart/alternative message from the Telegram HTML, one SMTP connection) versus a plain MailKit loop sending
/// ready-made messages of the same shape on one connection, both to the same SMTP server (the SmtpServer package) on
/// loopback in the same run. Medians of interleaved rounds after a warm-up of both.
/// </summary>
internal static class EmailBenchmark
{
    public const int Rounds = 3;
    private const string Html = "<b>⏰ Deadline reminder: Monthly report {0}</b>\nTeam: Fraud desk\nDue: 2026-12-10 17:00 (in 3 days)\n\n<a href=\"https://bot.example.cn/deadlines\">Open the deadline</a>";

    public static async Task<(double Baseline, double Outbox)> RunAsync(int messages, BenchStorage storage)
    {
        using var smtp = await CountingSmtpServer.StartAsync();
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var worker = await BenchWorker.StartAsync(telegram, globalRatePerSecond: 0, perChatIntervalMs: 0, storage: storage, extra:
        [
            ("Email:Host", "127.0.0.1"), ("Email:Port", smtp.Port.ToString(CultureInfo.InvariantCulture)), ("Email:Security", "None"),
            ("Email:From", "Reminder bot <bot@example.cn>"), ("Email:PerMinute", "10000"),
        ]);
        if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
        {
            // What composing costs alone: the channel's conversion of the Telegram HTML, and the plain side's BodyBuilder.
            var html = Html.Replace("{0}", "1", StringComparison.Ordinal);
            for (var pass = 0; pass < 2; pass++)
            {
                var w = Stopwatch.StartNew();
                for (var i = 0; i < 2000; i++)
                {
                    Bot.Worker.Channels.EmailComposer.Compose("Reminder bot <bot@example.cn>", new Bot.Worker.Channels.EmailMessage($"member{i}@example.cn", html, $"k{i}"), DateTimeOffset.UtcNow);
                }
                var composed = w.Elapsed.TotalMilliseconds / 2000;
                w.Restart();
                for (var i = 0; i < 2000; i++)
                {
                    Plain(i);
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  compose: channel {composed:F3} ms, plain {w.Elapsed.TotalMilliseconds / 2000:F3} ms per email"));
            }
        }
        var warm = int.Parse(Environment.GetEnvironmentVariable("BENCH_WARM") ?? "300", CultureInfo.InvariantCulture);
        await PlainLoopAsync(smtp, warm);
        await OutboxAsync(smtp, worker, warm, "warm");
        var baselines = new List<double>();
        var outboxes = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            baselines.Add(await PlainLoopAsync(smtp, messages));
            outboxes.Add(await OutboxAsync(smtp, worker, messages, $"run{round}"));
            if (Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}: plain {baselines[^1]:F0}, outbox {outboxes[^1]:F0} emails/s"));
            }
        }
        return (baselines.Order().ElementAt(Rounds / 2), outboxes.Order().ElementAt(Rounds / 2));
    }

    /// <summary>The same shape the channel sends: multipart/alternative, plain text and HTML, subject and Message-ID.</summary>
    private static MimeMessage Plain(int i)
    {
        var body = new BodyBuilder
        {
            TextBody = $"⏰ Deadline reminder: Monthly report {i}\nTeam: Fraud desk\nDue: 2026-12-10 17:00 (in 3 days)\n\nOpen the deadline (https://bot.example.cn/deadlines)",
            HtmlBody = $"<!DOCTYPE html><html><body><p><b>⏰ Deadline reminder: Monthly report {i}</b><br>Team: Fraud desk<br>Due: 2026-12-10 17:00 (in 3 days)</p><p><a href=\"https://bot.example.cn/deadlines\">Open the deadline</a></p></body></html>",
        };
        var message = new MimeMessage { Subject = $"⏰ Deadline reminder: Monthly report {i}", Body = body.ToMessageBody(), MessageId = $"{Guid.NewGuid():N}@example.cn" };
        message.From.Add(MailboxAddress.Parse("Reminder bot <bot@example.cn>"));
        message.To.Add(MailboxAddress.Parse($"member{i}@example.cn"));
        return message;
    }

    private static async Task<double> PlainLoopAsync(CountingSmtpServer smtp, int messages)
    {
        var before = smtp.Count;
        var watch = Stopwatch.StartNew();
        using var client = new SmtpClient();
        if (Environment.GetEnvironmentVariable("BENCH_NODELAY") == "1")
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Loopback, smtp.Port);
            await client.ConnectAsync(socket, "127.0.0.1", smtp.Port, SecureSocketOptions.None);
        }
        else
        {
            await client.ConnectAsync("127.0.0.1", smtp.Port, SecureSocketOptions.None);
        }
        for (var i = 0; i < messages; i++)
        {
            await client.SendAsync(Plain(i));
        }
        var rate = messages / watch.Elapsed.TotalSeconds;
        await client.DisconnectAsync(quit: true);
        if (smtp.Count - before != messages)
        {
            throw new InvalidOperationException($"the server took {smtp.Count - before} of {messages} plain emails");
        }
        return rate;
    }

    private static async Task<double> OutboxAsync(CountingSmtpServer smtp, BenchWorker worker, int messages, string prefix)
    {
        var before = smtp.Count;
        var rows = Enumerable.Range(0, messages)
            .Select(i => OutgoingMessage.To(DeliveryRoute.ToEmail($"member{i}@example.cn"), $"{prefix}-{i}", Html.Replace("{0}", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), Bot.Worker.Delivery.MessagePriority.Reminder, "bench"))
            .ToList();
        var watch = Stopwatch.StartNew();
        await worker.Outbox.EnqueueManyAsync(rows, CancellationToken.None);
        while (smtp.Count < before + messages)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException($"the outbox sent {smtp.Count - before} of {messages} emails in 5 minutes");
            }
            await Task.Delay(1);
        }
        return messages / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// A minimal SMTP server on 127.0.0.1 that accepts every message and counts it (both sides pay the same): EHLO
    /// with PIPELINING, 8BITMIME and SMTPUTF8 like Postfix, then MAIL, RCPT, DATA, RSET, NOOP, QUIT. It answers at once,
    /// with Nagle off: the SmtpServer package the tests use answered each message about 45 ms late on loopback (both
    /// sides then measured only that, 22 emails/s), which says nothing of the outbox.
    /// </summary>
    private sealed class CountingSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private int _count;

        private CountingSmtpServer()
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _ = AcceptAsync();
        }

        public int Port { get; }

        public int Count => Volatile.Read(ref _count);

        public static Task<CountingSmtpServer> StartAsync() => Task.FromResult(new CountingSmtpServer());

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }
                socket.NoDelay = true;
                _ = ServeAsync(socket);
            }
        }

        private async Task ServeAsync(Socket socket)
        {
            using var stream = new NetworkStream(socket, ownsSocket: true);
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            try
            {
                await writer.WriteLineAsync("220 localhost ESMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteAsync("250-localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 go on");
                            while (await reader.ReadLineAsync() is { } data && data != ".")
                            {
                            }
                            Interlocked.Increment(ref _count);
                            await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 2.0.0 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 2.0.0 Ok");
                            break;
                    }
                }
            }
            catch (IOException)
            {
                // The client went away.
            }
        }
    }
}
