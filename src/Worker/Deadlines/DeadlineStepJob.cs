using System.Globalization;
using Quartz;

namespace Bot.Worker.Deadlines;

/// <summary>A step of an occurrence is due: hands its ids to the runner.</summary>
internal sealed class DeadlineStepJob(DeadlineRunner runner) : IJob
{
    public const string OccurrenceKey = "occurrence";
    public const string StepKey = "step";
    public static readonly JobKey Key = new("deadline-step", "deadlines");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var occurrence = long.Parse(data.GetString(OccurrenceKey)!, CultureInfo.InvariantCulture);
        await runner.RunAsync(occurrence, data.GetString(StepKey)!, cancellationToken);
    }
}
