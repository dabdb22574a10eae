using Bot.Worker.Common;
using Microsoft.Extensions.Logging;

namespace Bot.Worker.Web;

/// <summary>
/// The trace that sign-in and feed guesses leave: one warning per refused sign-in and per request the rate limiter
/// turned away, at most 10 a minute (then how many were left out). Never a token or key, only what was wrong and
/// the client's address.
/// </summary>
internal sealed partial class SignInWarnings(TimeProvider clock, ILogger<SignInWarnings> logger)
{
    private readonly LogBudget _budget = new(clock, 10);

    public void Refused(string reason, long? admin, string client)
    {
        if (_budget.TryTake(out var skipped))
        {
            LogRefused(reason, admin?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", client, skipped);
        }
    }

    public void Limited(string path, string client)
    {
        if (_budget.TryTake(out var skipped))
        {
            LogLimited(path, client, skipped);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Console sign-in refused ({Reason}) for admin {Admin} from {Client} ({Skipped} similar lines left out before this one)")]
    private partial void LogRefused(string reason, string admin, string client, int skipped);

    [LoggerMessage(LogLevel.Warning, "Too many requests to {Path} from {Client}: answered 429 ({Skipped} similar lines left out before this one)")]
    private partial void LogLimited(string path, string client, int skipped);
}
