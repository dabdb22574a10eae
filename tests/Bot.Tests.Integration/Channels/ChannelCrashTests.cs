using System.Globalization;
using Bot.FakeRobots;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Cluster;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;
using Xunit.Abstractions;

namespace Bot.Tests.Integration.Channels;

/// <summary>
/// kill -9 of a real worker process in the middle of robot posts and emails, then a restart: every message arrives,
/// and only those in flight at the kill (posted or accepted by the server but not yet recorded) arrive twice.
/// </summary>
public abstract class ChannelCrashTests(StorageProvider provider, ITestOutputHelper output)
{
    private const int RobotMessages = 40;
    // Enough that the emails (about 100-300 a second to loopback) are still going when the robot has taken a quarter.
    private const int Emails = 1500;

    [Fact]
    public async Task A_worker_killed_mid_way_through_robot_and_email_sends_loses_nothing_and_repeats_only_what_was_in_flight()
    {
        await using var telegram = await FakeBotApiServer.StartAsync();
        await using var robots = await FakeRobotServer.StartAsync();
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-channel-crash");
        await using var storage = await TestStorage.CreateAsync(provider, directory);
        var database = await QueueAsync(storage);
        var url = robots.AddFeishu("tok" + Guid.NewGuid().ToString("N"));
        var args = WorkerProcess.Args(storage, telegram, directory,
            "--Channels:Robots:crash-feishu:Kind=Feishu", $"--Channels:Robots:crash-feishu:Url={url}",
            "--Email:Host=127.0.0.1", $"--Email:Port={smtp.Port.ToString(CultureInfo.InvariantCulture)}", "--Email:Security=None",
            "--Email:From=bot@example.cn", "--Email:PerMinute=10000");

        using (var first = WorkerProcess.Start(directory, args))
        {
            await Eventually.TrueAsync(() => robots.Accepted(FakeRobotKind.Feishu).Count >= RobotMessages / 4 && smtp.Messages.Count >= Emails / 4, first, TimeSpan.FromSeconds(90));
            first.KillHard();
        }
        var (postedBeforeKill, mailedBeforeKill) = await QuietAsync(robots, smtp);
        var robotRecorded = await CountSentAsync(database, DeliveryRoute.Robot);
        var emailRecorded = await CountSentAsync(database, DeliveryRoute.Email);
        // Killed mid-way through both runs.
        Assert.InRange(postedBeforeKill, 1, RobotMessages - 1);
        Assert.InRange(mailedBeforeKill, 1, Emails - 1);

        using (var second = WorkerProcess.Start(directory, args))
        {
            await Eventually.TrueAsync(() => robots.Accepted(FakeRobotKind.Feishu).Select(p => p.Text).Distinct().Count() == RobotMessages
                && smtp.Messages.Select(m => m.MessageId).Distinct().Count() == Emails, second, TimeSpan.FromSeconds(120));
            await Eventually.TrueAsync(() => CountSentAsync(database, DeliveryRoute.Robot).Result == RobotMessages && CountSentAsync(database, DeliveryRoute.Email).Result == Emails,
                second, TimeSpan.FromSeconds(60));
        }

        var posts = robots.Accepted(FakeRobotKind.Feishu).GroupBy(p => p.Text).ToDictionary(g => g.Key, g => g.Count());
        var mails = smtp.Messages.GroupBy(m => m.MessageId ?? "").ToDictionary(g => g.Key, g => g.Count());
        var (robotInFlight, emailInFlight) = (postedBeforeKill - robotRecorded, mailedBeforeKill - emailRecorded);
        output.WriteLine($"robot: posted before kill {postedBeforeKill}, recorded {robotRecorded}, repeated {posts.Values.Count(c => c > 1)}; " +
            $"email: accepted before kill {mailedBeforeKill}, recorded {emailRecorded}, repeated {mails.Values.Count(c => c > 1)}");
        Assert.Equal(RobotMessages, posts.Count);
        Assert.Equal(Emails, mails.Count);
        Assert.InRange(robotInFlight, 0, 1); // one robot takes one post at a time
        Assert.InRange(emailInFlight, 0, 4); // the email channel's rows in flight
        Assert.True(posts.Values.Count(c => c > 1) <= robotInFlight, $"{posts.Values.Count(c => c > 1)} robot posts repeated, {robotInFlight} in flight");
        Assert.True(mails.Values.Count(c => c > 1) <= emailInFlight, $"{mails.Values.Count(c => c > 1)} emails repeated, {emailInFlight} in flight");
        Assert.All(posts.Values.Concat(mails.Values), c => Assert.InRange(c, 1, 2));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static async Task<IDatabase> QueueAsync(TestStorage storage)
    {
        var database = await storage.MigratedAsync();
        using var signal = new DispatchSignal();
        var outbox = new OutboxStore(database, TimeProvider.System, signal, new AlwaysLeader(new ClusterNode("test"), new LeaseStore(database)), new SingleNodeSignals());
        var robot = DeliveryRoute.ToRobot("crash-feishu");
        var messages = Enumerable.Range(0, RobotMessages)
            .Select(i => OutgoingMessage.To(robot, $"robot-{i:000}", $"<b>Robot message {i:000}</b>", MessagePriority.Reminder, "test"))
            .Concat(Enumerable.Range(0, Emails).Select(i => OutgoingMessage.To(
                DeliveryRoute.ToEmail($"member{i:000}@example.cn"), $"email-{i:000}", $"<b>Email {i:000}</b>\nA reminder.", MessagePriority.Reminder, "test")))
            .ToList();
        Assert.Equal(RobotMessages + Emails, await outbox.EnqueueManyAsync(messages, CancellationToken.None));
        return database;
    }

    /// <summary>What the servers took, once that stops changing (requests in their sockets at the kill still land).</summary>
    private static async Task<(int Posts, int Mails)> QuietAsync(FakeRobotServer robots, LoopbackSmtpServer smtp)
    {
        var last = (-1, -1);
        for (var quiet = 0; quiet < 20; quiet++)
        {
            await Task.Delay(50);
            var now = (robots.Accepted(FakeRobotKind.Feishu).Count, smtp.Messages.Count);
            if (now != last)
            {
                (last, quiet) = (now, 0);
            }
        }
        return last;
    }

    private static async Task<int> CountSentAsync(IDatabase database, string channel) =>
        (int)await database.ScalarAsync<long>("SELECT COUNT(*) FROM outbox WHERE state = 'sent' AND channel = @channel", new { channel }, CancellationToken.None);
}

public sealed class ChannelCrashTestsOnSqlite(ITestOutputHelper output) : ChannelCrashTests(provider: StorageProvider.Sqlite, output);

public sealed class ChannelCrashTestsOnPostgres(ITestOutputHelper output) : ChannelCrashTests(provider: StorageProvider.Postgres, output);
