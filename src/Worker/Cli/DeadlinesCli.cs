using System.Globalization;
using Bot.Worker.Common;
using Bot.Worker.Deadlines;
using Bot.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Worker.Cli;

/// <summary>
/// <c>deadlines next</c>: reads Bot:DeadlinesFile and prints each deadline's next 5 occurrences with
/// their reminder times, without starting the bot; exits 1 with file:line:column on an invalid file.
/// </summary>
public static class DeadlinesCli
{
    private const int Count = 5;

    public static int Run(string[] args, TextWriter output, TextWriter errors, TimeProvider? clock = null)
    {
        var settings = new WorkerHostSettings { ConsoleInput = TextReader.Null };
        settings.Configuration["Logging:LogLevel:Default"] = "Warning";
        settings.Configuration["Logging:File:Path"] = "";
        using var host = WorkerHost.CreateBuilder([.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal))], settings).Build();
        var source = host.Services.GetRequiredService<DeadlineConfigSource>();
        DeadlineConfig config;
        try
        {
            config = source.Load();
        }
        catch (StartupException ex)
        {
            errors.WriteLine(ex.Message);
            return 1;
        }
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        output.WriteLine($"{source.FilePath}: {config.Deadlines.Count} deadlines, {config.Teams.Count} teams (times in each deadline's zone)");
        foreach (var d in config.Deadlines)
        {
            output.WriteLine();
            output.WriteLine($"{d.Id} ({d.Kind}, team {d.TeamId}, {d.TimeZone.Id}): {d.Title}");
            foreach (var (due, openedAt) in Occurrences(d, config, now))
            {
                output.WriteLine($"  due {Local(due, d)}");
                foreach (var step in DeadlineCalendar.Steps(d, due, openedAt).Where(s => s.Name != StepName.Due))
                {
                    var repeat = step.RepeatEvery is { } every ? $", then every {every}" : "";
                    output.WriteLine($"    {step.Name,-16} {Local(step.At, d)}{repeat}");
                }
            }
        }
        return 0;
    }

    private static IEnumerable<(DateTimeOffset Due, DateTimeOffset? OpenedAt)> Occurrences(DeadlineDefinition d, DeadlineConfig config, DateTimeOffset now) => d.Kind switch
    {
        DeadlineKind.OneOff => [(DeadlineCalendar.OneOffDue(d), null)],
        DeadlineKind.Recurring => DeadlineCalendar.RecurringDues(d, config.Holidays, now).Take(Count).Select(due => (due, (DateTimeOffset?)null)),
        _ => [(DeadlineCalendar.After(now, d.Window!, d.TimeZone), now)], // as if /open were sent now
    };

    private static string Local(DateTimeOffset instant, DeadlineDefinition d) =>
        LocalTime.ToLocal(instant, d.TimeZone).ToString("yyyy-MM-dd HH:mm ddd", CultureInfo.InvariantCulture);
}
