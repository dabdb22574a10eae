using Bot.Worker.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Batches;

public static class BatchesHostBuilderExtensions
{
    /// <summary>Batches of numbers to act on: the store, import, setting states, export, known numbers from batches, and the owner of their occurrences.</summary>
    public static IHostApplicationBuilder AddBatches(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<BatchStore>();
        services.AddSingleton<BatchWords>();
        services.AddSingleton<BatchRows>();
        services.AddSingleton<BatchKnownNumbers>();
        services.AddSingleton<BatchImport>();
        services.AddSingleton<BatchWork>();
        services.AddSingleton<BatchExport>();
        services.AddSingleton<BatchReasonPrompts>();
        services.AddSingleton<BatchOccurrences>();
        services.AddSingleton<IOccurrenceOwner>(sp => sp.GetRequiredService<BatchOccurrences>());
        return builder;
    }
}
