using System.Collections.Concurrent;
using Bot.Worker.Deadlines;

namespace Bot.Tests.Unit.Support;

/// <summary>Keeps the scheduled steps in memory instead of Quartz; tests run them by hand.</summary>
internal sealed class RecordingStepScheduler : IStepScheduler
{
    public ConcurrentDictionary<(long Occurrence, string Step), (DateTimeOffset At, TimeSpan? Every)> Scheduled { get; } = new();

    public Task ScheduleAsync(long occurrenceId, string step, DateTimeOffset at, TimeSpan? repeatEvery, CancellationToken cancellationToken)
    {
        Scheduled[(occurrenceId, step)] = (at, repeatEvery);
        return Task.CompletedTask;
    }

    public Task CancelAsync(long occurrenceId, string? step, CancellationToken cancellationToken)
    {
        foreach (var key in Scheduled.Keys.Where(k => k.Occurrence == occurrenceId && (step is null || k.Step == step)))
        {
            Scheduled.TryRemove(key, out _);
        }
        return Task.CompletedTask;
    }
}
