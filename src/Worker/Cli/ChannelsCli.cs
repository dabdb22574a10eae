using Bot.Worker.Channels;
using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Bot.Worker.Hosting;
using Bot.Worker.Templating;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Cli;

/// <summary>
/// <c>channels test NAME</c>: sends a test message to the group robot NAME (Channels:Robots), or, when NAME is an email
/// address, an email to it through Email:Host, straight through the channel (no outbox, the bot need not run), and
/// says what the robot or the server answered. Exit 0 when it went; 1 for a name that is no robot, a refused or failed
/// send, or a bad configuration (named as at start-up). No secret is printed.
/// </summary>
public static class ChannelsCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var words = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (words is not ["channels", "test", var name])
        {
            errors.WriteLine("usage: channels test NAME   (NAME: a robot under Channels:Robots, or an email address to send a test email to)");
            return 1;
        }
        var settings = new WorkerHostSettings { ConsoleInput = TextReader.Null };
        settings.Configuration["Logging:LogLevel:Default"] = "Warning";
        settings.Configuration["Logging:File:Path"] = "";
        using var host = WorkerHost.CreateBuilder([.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal))], settings).Build();
        var services = host.Services;
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } problem)
        {
            errors.WriteLine(problem);
            return 1;
        }
        var board = services.GetRequiredService<ChannelBoard>();
        var labels = services.GetRequiredService<Labels>();
        labels.Load();
        var text = labels.Get(services.GetRequiredService<BotSettings>().DefaultLanguage, "channels.test_message");
        var result = await board.TestAsync(name, text, CancellationToken.None);
        switch (result)
        {
            case null when name.Contains('@', StringComparison.Ordinal):
                errors.WriteLine($"No SMTP server is configured (Email:Host), so no email can go to {name}.");
                return 1;
            case null:
                errors.WriteLine($"There is no robot '{name}' under Channels:Robots ({(board.RobotNames.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", board.RobotNames.Order(StringComparer.OrdinalIgnoreCase)))}).");
                errors.WriteLine("To test email, give an address: channels test li.na@example.cn");
                return 1;
            case { Outcome: ChannelOutcome.Sent }:
                output.WriteLine($"{name}: sent.");
                return 0;
            default:
                errors.WriteLine($"{name}: {result.Outcome.ToString().ToLowerInvariant()}: {result.Reason}");
                return 1;
        }
    }
}
