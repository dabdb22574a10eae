using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Bot.FakeTelegram;

// getMe, answerCallbackQuery and the webhook methods.
internal sealed class BotMethods(BotProfile bot, UpdateQueue updates, CallbackQueries callbacks, Journal journal, TimeProvider time)
{
    public ApiResult GetMe(ApiRequest request) => ApiResult.Success(bot.GetMeJson());

    public ApiResult AnswerCallbackQuery(ApiRequest request)
    {
        var id = request.GetString("callback_query_id");
        if (!callbacks.TryAnswer(id))
        {
            return ApiResult.BadRequest("query is too old and response timeout expired or query ID is invalid");
        }

        journal.AddAnswer(new CallbackAnswer(
            id!, request.GetString("text"), request.GetBool("show_alert"), Stopwatch.GetTimestamp(), time.GetUtcNow()));
        return ApiResult.True();
    }

    public ApiResult SetWebhook(ApiRequest request)
    {
        var url = request.GetString("url");
        if (!string.IsNullOrEmpty(url) && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return ApiResult.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }

        var secret = request.GetString("secret_token");
        if (secret is not null && !IsSecretToken(secret))
        {
            return ApiResult.BadRequest("secret token contains unallowed characters");
        }

        updates.SetWebhook(url, secret, request.GetJson("allowed_updates") as JsonArray, request.GetBool("drop_pending_updates"));
        return ApiResult.True();
    }

    public ApiResult DeleteWebhook(ApiRequest request)
    {
        updates.SetWebhook(null, null, null, request.GetBool("drop_pending_updates"));
        return ApiResult.True();
    }

    public ApiResult GetWebhookInfo(ApiRequest request) => ApiResult.Success(new JsonObject
    {
        ["url"] = updates.WebhookUrl ?? string.Empty,
        ["has_custom_certificate"] = false,
        ["pending_update_count"] = updates.PendingCount,
        ["allowed_updates"] = updates.AllowedUpdates is { } allowed ? new JsonArray([.. allowed.Select(a => JsonValue.Create(a))]) : null,
    });

    // 1-256 of A-Z a-z 0-9 _ -, as Telegram documents for secret_token.
    private static bool IsSecretToken(string secret) =>
        secret.Length is >= 1 and <= 256 && secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
