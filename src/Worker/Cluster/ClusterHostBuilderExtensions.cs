using Bot.Worker.Configuration;
using Bot.Worker.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Cluster;

public static class ClusterHostBuilderExtensions
{
    /// <summary>
    /// Who leads and how nodes tell each other about changes: on PostgreSQL the leader lease and LISTEN/NOTIFY, on
    /// SQLite (one node) always this node and in-process signals. Registered right after storage, so the lease starts
    /// once the schema is migrated.
    /// </summary>
    public static IHostApplicationBuilder AddCluster(this IHostApplicationBuilder builder, ClusterNode node)
    {
        var services = builder.Services;
        services.AddSingleton(node);
        services.AddSingleton<LeaseStore>();
        if (!string.Equals(builder.Configuration[$"{StorageOptions.Section}:Provider"], StorageOptions.Postgres, StringComparison.Ordinal))
        {
            services.AddSingleton<ILeadership, AlwaysLeader>();
            services.AddSingleton<IClusterSignals, SingleNodeSignals>();
            return builder;
        }
        var connectionString = builder.Configuration[$"{StorageOptions.Section}:ConnectionString"] ?? "";
        services.AddSingleton<LeaderLease>();
        services.AddSingleton<ILeadership>(sp => sp.GetRequiredService<LeaderLease>());
        services.AddHostedService(sp => sp.GetRequiredService<LeaderLease>());
        services.AddSingleton<ClusterSignalStore>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PostgresClusterSignals>(sp, connectionString));
        services.AddSingleton<IClusterSignals>(sp => sp.GetRequiredService<PostgresClusterSignals>());
        services.AddHostedService(sp => sp.GetRequiredService<PostgresClusterSignals>());
        return builder;
    }
}
