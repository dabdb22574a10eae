namespace Bot.Worker.Storage;

/// <summary>Times are stored as unix milliseconds (UTC) so the SQL stays portable.</summary>
internal static class UnixTime
{
    public static long ToMs(this DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static long NowMs(this TimeProvider clock) => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
