using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bot.Worker.Scheduling;

public static class SchedulingHostBuilderExtensions
{
    /// <summary>
    /// Quartz on the persistent store in the app's own database (<paramref name="store"/>, from the
    /// storage provider; its tables are created if missing), reading time from the shared <see cref="TimeProvider"/>.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder, Action<IPersistentStoreBuilder> store, TimeProvider clock, params Action<IQuartzBuilder>[] jobs)
    {
        builder.AddQuartz(q =>
        {
            q.UseTimeProvider(clock);
            q.UseDefaultThreadPool(4);
            q.UsePersistentStore(s =>
            {
                store(s);
                s.ConfigureStore(o => o.SchemaProvisioning = SchemaProvisioning.CreateIfMissing);
            });
            foreach (var addJobs in jobs)
            {
                addJobs(q);
            }
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
