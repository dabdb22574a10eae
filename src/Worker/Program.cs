using Bot.Worker.Cli;
using Bot.Worker.Hosting;
using Bot.Worker.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        case "backup":
            return BackupCli.Run(args, Console.Out, Console.Error);
    }
    using var host = WorkerHost.CreateBuilder(args).Build();
    await host.RunAsync();
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
