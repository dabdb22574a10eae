using Bot.Worker.Hosting;
using Bot.Worker.Storage;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Bot.Worker.Scheduling;

public static class SchedulingHostBuilderExtensions
{
    /// <summary>
    /// Quartz on the persistent store in the app's own database (its tables are created if missing),
    /// reading time from the shared <see cref="TimeProvider"/>.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder, ContentPaths paths, TimeProvider clock, params Action<IQuartzBuilder>[] jobs)
    {
        var connectionString = StorageHostBuilderExtensions.SqliteConnectionString(builder, paths);
        builder.AddQuartz(q =>
        {
            q.UseTimeProvider(clock);
            q.UseDefaultThreadPool(4);
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(connectionString);
                store.ConfigureStore(o => o.SchemaProvisioning = SchemaProvisioning.CreateIfMissing);
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
