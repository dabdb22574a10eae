using Bot.Worker.Cli;
using Bot.Worker.Hosting;
using Microsoft.Extensions.Hosting;
using Serilog;

Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateLogger();
try
{
    switch (args.FirstOrDefault())
    {
        case "templates":
            return TemplatesCli.Run(args, Console.Out, Console.Error);
        case "deadlines" when args.ElementAtOrDefault(1) == "next":
            return DeadlinesCli.Run(args, Console.Out, Console.Error);
        case "channels":
            return await ChannelsCli.RunAsync(args, Console.Out, Console.Error);
        case "backup":
            return BackupCli.Run(args, Console.Out, Console.Error);
        case not null when UsageCli.Applies(args):
            return UsageCli.Run(args, Console.Out, Console.Error);
    }
    using var host = WorkerHost.CreateBuilder(args).Build();
    try
    {
        await host.StartAsync();
    }
    catch
    {
        // A later service refused to start: stop the ones already running (the dispatcher drains)
        // before the host is disposed, so the one line below is all the user sees.
        await StopQuietlyAsync(host);
        throw;
    }
    await host.WaitForShutdownAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } problem)
{
    // One line naming the key or file; no stack trace for a problem the user must fix.
    Log.Fatal("Start-up failed: {Problem:l}", problem);
    return 2;
}
catch (Exception ex)
{
    Log.Fatal(ex, "The worker stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

static async Task StopQuietlyAsync(IHost host)
{
    // Quartz waits for the application to have started before it stops, which never comes: bound the wait.
    using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(5));
    try
    {
        await host.StopAsync(bounded.Token);
    }
    catch (Exception ex)
    {
        Log.Debug(ex, "Stopping after a failed start-up");
    }
}
