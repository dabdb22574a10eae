using System.Text.RegularExpressions;
using Bot.Worker.Common;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Hosting;

/// <summary>Recognizes configuration problems and says them in one line.</summary>
public static partial class StartupFailure
{
    /// <summary>The one-line description of a problem the user must fix, or null for a real crash.</summary>
    public static string? Describe(Exception ex) => ex switch
    {
        StartupException startup => startup.Message,
        OptionsValidationException validation => string.Join("; ", validation.Failures.Select(Clean)),
        AggregateException aggregate when aggregate.InnerExceptions.All(e => Describe(e) is not null) =>
            string.Join("; ", aggregate.InnerExceptions.Select(e => Describe(e)!)),
        // Kestrel's own bind, should the port be taken between WebPortCheck's probe and the real bind.
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } io => $"Web:Urls: {io.Message}",
        InvalidOperationException { Message: var m } when m.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => m,
        _ => null,
    };

    // "DataAnnotation validation failed for 'BotOptions' members: 'TimeZone' with the error: 'X'." -> "X"
    // "Token: Telegram:Token is malformed ..." -> "Telegram:Token is malformed ..."
    private static string Clean(string failure)
    {
        const string marker = "with the error: '";
        var start = failure.IndexOf(marker, StringComparison.Ordinal);
        var message = start < 0 ? failure : failure[(start + marker.Length)..].TrimEnd('.', '\'');
        // The options source generator drops a [Range]'s ErrorMessage and says
        // "MaxAttempts: The field DeliveryOptions.MaxAttempts must be between 1 and 100.": name the key instead.
        if (GeneratedRange().Match(message) is { Success: true } range)
        {
            return $"{range.Groups["section"].Value}:{range.Groups["key"].Value} {range.Groups["rule"].Value}";
        }
        return MemberPrefix().Replace(message, "");
    }

    [GeneratedRegex(@"^[A-Za-z]+: The field (?<section>[A-Za-z]+)Options\.(?<key>[A-Za-z]+) (?<rule>.+?)\.?$")]
    private static partial Regex GeneratedRange();

    [GeneratedRegex(@"^[A-Za-z]+: (?=[A-Za-z]+:[A-Za-z])")]
    private static partial Regex MemberPrefix();
}
