using Bot.Worker.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Hosting;

/// <summary>Recognizes configuration problems and says them in one line.</summary>
public static class StartupFailure
{
    /// <summary>The one-line description of a problem the user must fix, or null for a real crash.</summary>
    public static string? Describe(Exception ex) => ex switch
    {
        StartupException startup => startup.Message,
        OptionsValidationException validation => string.Join("; ", validation.Failures.Select(Clean)),
        AggregateException aggregate when aggregate.InnerExceptions.All(e => Describe(e) is not null) =>
            string.Join("; ", aggregate.InnerExceptions.Select(e => Describe(e)!)),
        InvalidOperationException { Message: var m } when m.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => m,
        _ => null,
    };

    // "DataAnnotation validation failed for 'BotOptions' members: 'TimeZone' with the error: 'X'." -> "X"
    private static string Clean(string failure)
    {
        const string marker = "with the error: '";
        var start = failure.IndexOf(marker, StringComparison.Ordinal);
        return start < 0 ? failure : failure[(start + marker.Length)..].TrimEnd('.', '\'');
    }
}
