using Bot.Worker.Transport;
using Telegram.Bot.Exceptions;

namespace Bot.Worker.Telegram;

/// <summary>What a Bot API error means for delivery.</summary>
internal static class TelegramErrors
{
    public static SendResult Classify(ApiRequestException ex)
    {
        var description = ex.Message;
        return ex.ErrorCode switch
        {
            429 => SendResult.Failed(SendOutcome.RateLimited, description, TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 5))),
            403 => SendResult.Failed(SendOutcome.ChatUnavailable, description),
            400 when Contains(description, "chat not found") || Contains(description, "user is deactivated") =>
                SendResult.Failed(SendOutcome.ChatUnavailable, description),
            400 when Contains(description, "can't parse entities") => SendResult.Failed(SendOutcome.BadHtml, description),
            400 => SendResult.Failed(SendOutcome.Rejected, description),
            401 or 404 => SendResult.Failed(SendOutcome.Transient, description), // token revoked or wrong API URL: an operator can fix it
            _ => SendResult.Failed(SendOutcome.Transient, description),
        };
    }

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
