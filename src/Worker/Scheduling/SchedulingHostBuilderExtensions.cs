using Bot.Worker.Storage;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bot.Worker.Scheduling;

public static class SchedulingHostBuilderExtensions
{
    /// <summary>
    /// Quartz on the persistent store in the app's own database (<paramref name="store"/>, from the
    /// storage provider; its tables are created if missing), reading time from the shared <see cref="TimeProvider"/>.
    /// On PostgreSQL the scheduler is clustered under this node's stable id (Cluster:NodeId) and the
    /// default scheduler name every node shares.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder, QuartzStorage store, TimeProvider clock, params Action<IQuartzBuilder>[] jobs)
    {
        builder.AddQuartz(q =>
        {
            q.UseTimeProvider(clock);
            q.UseDefaultThreadPool(4);
            if (store.ClusterInstanceId is { } instanceId)
            {
                q.ConfigureScheduler(o => o.InstanceId = instanceId);
            }
            q.UsePersistentStore(s =>
            {
                store.Configure(s);
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
