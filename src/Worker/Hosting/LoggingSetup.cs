using System.Globalization;
using Bot.Worker.Channels;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Bot.Worker.Hosting;

/// <summary>
/// Serilog sinks: the console (stderr in console mode, so stdout is the conversation) and a rolling
/// file (Logging:File:Path, default data/logs/bot-.log; empty turns it off), as text or compact JSON (Logging:Format). Levels come from the
/// standard Logging:LogLevel section (Default and namespace prefixes). Every event passes the redactor first: the bot
/// token, the database password, the webhook secret, the robots' keys, tokens and signing secrets, the SMTP password.
/// </summary>
internal static class LoggingSetup
{
    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static Logger Create(IConfiguration configuration, ContentPaths paths, ILogEventSink? extraSink)
    {
        var token = configuration[$"{TelegramOptions.Section}:Token"] ?? "";
        var consoleMode = token.Length == 0;
        var json = IsJson(configuration);
        var toStderr = consoleMode ? LogEventLevel.Verbose : (LogEventLevel?)null;
        var sinks = new LoggerConfiguration().MinimumLevel.Verbose();
        sinks = json
            ? sinks.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: toStderr)
            : sinks.WriteTo.Console(outputTemplate: Template, standardErrorFromLevel: toStderr, formatProvider: CultureInfo.InvariantCulture);
        var file = configuration["Logging:File:Path"] ?? "data/logs/bot-.log";
        if (file.Length > 0)
        {
            sinks = json
                ? sinks.WriteTo.File(new CompactJsonFormatter(), paths.Resolve(file), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14)
                : sinks.WriteTo.File(paths.Resolve(file), outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} " + Template,
                    rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, formatProvider: CultureInfo.InvariantCulture);
        }
        if (extraSink is not null)
        {
            sinks = sinks.WriteTo.Sink(extraSink);
        }
        var levels = new LoggerConfiguration();
        foreach (var rule in configuration.GetSection("Logging:LogLevel").GetChildren())
        {
            var level = ToSerilog(rule.Value);
            if (rule.Key == "Default")
            {
                levels.MinimumLevel.Is(level);
            }
            else
            {
                levels.MinimumLevel.Override(rule.Key, level);
            }
        }
        return levels
            .Filter.ByExcluding(IsHostReportOfStartupFailure)
            .WriteTo.Sink(new RedactingSink(sinks.CreateLogger(),
                [.. Secrets(token), .. DatabasePassword(configuration), .. WebhookSecret(configuration), .. ChannelSecrets.From(configuration)]))
            .CreateLogger();
    }

    /// <summary>
    /// Logging:Format: <c>text</c> (default, for people) or <c>json</c> (Serilog's compact JSON, one event a
    /// line, for log shippers). Anything else is refused, naming the key.
    /// </summary>
    public static bool IsJson(IConfiguration configuration) => configuration["Logging:Format"]?.Trim().ToLowerInvariant() switch
    {
        null or "" or "text" => false,
        "json" => true,
        var other => throw new StartupException($"Logging:Format '{other}' is not known: use text or json"),
    };

    // The host logs a failed start with a stack trace; Program prints the one line that matters.
    private static bool IsHostReportOfStartupFailure(LogEvent e) =>
        e.Exception is { } ex && StartupFailure.Describe(ex) is not null
        && e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("Microsoft.Extensions.Hosting", StringComparison.Ordinal);

    // Serilog filters (Serilog.Extensions.Logging lets everything through to it), so the standard
    // Logging:LogLevel rules are applied here.
    private static LogEventLevel ToSerilog(string? level) => level?.ToLowerInvariant() switch
    {
        "trace" => LogEventLevel.Verbose,
        "debug" => LogEventLevel.Debug,
        "warning" => LogEventLevel.Warning,
        "error" => LogEventLevel.Error,
        "critical" or "none" => LogEventLevel.Fatal,
        _ => LogEventLevel.Information,
    };

    /// <summary>The database password in Storage:ConnectionString, if any: never logged either.</summary>
    public static IReadOnlyList<string> DatabasePassword(IConfiguration configuration)
    {
        try
        {
            var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = configuration[$"{StorageOptions.Section}:ConnectionString"] ?? "" };
            return builder.TryGetValue("Password", out var password) && password is string { Length: >= 4 } secret ? [secret] : [];
        }
        catch (ArgumentException)
        {
            return [];
        }
    }

    /// <summary>Telegram:WebhookSecret, if set and long enough to mask without garbling other text: never logged either.</summary>
    public static IReadOnlyList<string> WebhookSecret(IConfiguration configuration) =>
        configuration[$"{TelegramOptions.Section}:WebhookSecret"] is { Length: >= 4 } secret ? [secret] : [];

    /// <summary>The token and its secret half (after the colon), so neither form leaks.</summary>
    public static IReadOnlyList<string> Secrets(string token)
    {
        if (token.Length == 0)
        {
            return [];
        }
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < token.Length - 8 ? [token, token[(colon + 1)..]] : [token];
    }
}
