namespace Bot.Worker.Common;

/// <summary>
/// How many lines of one kind may be logged per minute: the first <c>perMinute</c> in a minute are written, the rest
/// counted, and the next written line says how many were left out. A flood of bad requests leaves a trace without
/// filling the disk.
/// </summary>
internal sealed class LogBudget(TimeProvider clock, int perMinute)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _written;
    private int _skipped;

    /// <summary>True when this line may be written; <paramref name="skipped"/> is how many were left out since the last one written.</summary>
    public bool TryTake(out int skipped)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (now - _windowStart >= TimeSpan.FromMinutes(1))
            {
                _windowStart = now;
                _written = 0;
            }
            if (_written >= perMinute)
            {
                _skipped++;
                skipped = 0;
                return false;
            }
            _written++;
            skipped = _skipped;
            _skipped = 0;
            return true;
        }
    }
}
