using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Worker.Transport;

public static class TransportHostBuilderExtensions
{
    /// <summary>The console transport: lines on standard input are messages from the local admin, messages sent are printed.</summary>
    public static IHostApplicationBuilder AddConsoleTransport(this IHostApplicationBuilder builder, TextReader? input, TextWriter? output)
    {
        builder.Services.AddSingleton(new ConsoleSession(input ?? Console.In, output ?? Console.Out));
        builder.Services.AddSingleton<IBotTransport, ConsoleTransport>();
        builder.Services.AddSingleton<IUpdateSource, ConsoleUpdateSource>();
        return builder;
    }
}
