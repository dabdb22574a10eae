using Bot.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Transport;

public static class TransportHostBuilderExtensions
{
    /// <summary>The console transport: lines on standard input are messages from the local admin, messages sent are printed.</summary>
    public static IHostApplicationBuilder AddConsoleTransport(this IHostApplicationBuilder builder, WorkerHostSettings settings)
    {
        builder.Services.AddSingleton(new ConsoleSession(settings.ConsoleInput ?? Console.In, settings.ConsoleOutput ?? Console.Out));
        builder.Services.AddSingleton<IBotTransport, ConsoleTransport>();
        builder.Services.AddSingleton<IUpdateSource, ConsoleUpdateSource>();
        return builder;
    }
}
