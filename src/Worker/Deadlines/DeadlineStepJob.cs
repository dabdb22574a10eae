using System.Globalization;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Bot.Worker.Deadlines;

/// <summary>A step of an occurrence is due: hands its ids to the runner.</summary>
internal sealed partial class DeadlineStepJob(DeadlineRunner runner, ILogger<DeadlineStepJob> logger) : IJob
{
    public const string OccurrenceKey = "occurrence";
    public const string StepKey = "step";
    public static readonly JobKey Key = new("deadline-step", "deadlines");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var occurrence = long.Parse(data.GetString(OccurrenceKey)!, CultureInfo.InvariantCulture);
        var step = data.GetString(StepKey)!;
        if (context.Recovering)
        {
            // Clustered Quartz: the node that was running this step died; the runner's checks make a second run harmless.
            LogRecovering(step, occurrence);
        }
        await runner.RunAsync(occurrence, step, cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Step {Step} of occurrence {Occurrence} runs again: the node that was running it stopped mid-run")]
    private partial void LogRecovering(string step, long occurrence);
}
