using Bot.FakeTelegram;

namespace Bot.Tests.Integration.Support;

/// <summary>Waiting for something another process or thread will do: polls a condition (no fixed sleeps), with a deadline.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    public static async Task TrueAsync(Func<bool> condition, WorkerProcess? worker = null, TimeSpan? within = null, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWait);
        while (!condition())
        {
            if (worker is not null)
            {
                Assert.False(worker.HasExited, "worker exited:\n" + string.Join("\n", worker.Output.TakeLast(30)));
            }
            Assert.True(DateTime.UtcNow < deadline, "timed out" + (state is null ? "" : " (" + state() + ")")
                + (worker is null ? "" : "; worker output:\n" + string.Join("\n", worker.Output.TakeLast(30))));
            await Task.Delay(10);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWait);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met in time");
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// The number of messages the server accepted once it stops changing: requests already in its
    /// socket when a worker died are still read, so they land a moment after the kill.
    /// </summary>
    public static async Task<int> QuietSentCountAsync(FakeBotApiServer server)
    {
        var count = server.SentCount;
        for (var quiet = 0; quiet < 20; quiet++)
        {
            await Task.Delay(25);
            if (server.SentCount != count)
            {
                count = server.SentCount;
                quiet = 0;
            }
        }
        return count;
    }
}
