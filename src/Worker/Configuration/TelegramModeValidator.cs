using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Configuration;

/// <summary>
/// Webhook mode needs a token, an absolute http(s) Telegram:WebhookUrl, a Telegram:WebhookSecret Telegram
/// accepts (1-256 of A-Z a-z 0-9 _ -) and Kestrel (Web:Enabled). Messages name the key, never the secret.
/// </summary>
internal sealed partial class TelegramModeValidator(IOptions<WebOptions> web) : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        if (options.Mode != TelegramMode.Webhook)
        {
            return ValidateOptionsResult.Success;
        }
        var failures = new List<string>();
        if (options.ConsoleMode)
        {
            failures.Add("Telegram:Mode=Webhook needs Telegram:Token (console mode has no webhook)");
        }
        if (options.WebhookUrl.Length == 0)
        {
            failures.Add("Telegram:WebhookUrl must be set when Telegram:Mode=Webhook: the public URL Telegram posts updates to");
        }
        else if (WebhookPath(options.WebhookUrl) is null)
        {
            failures.Add($"Telegram:WebhookUrl '{options.WebhookUrl}' is not an absolute http(s) URL");
        }
        if (!SecretPattern().IsMatch(options.WebhookSecret))
        {
            failures.Add(options.WebhookSecret.Length == 0
                ? "Telegram:WebhookSecret must be set when Telegram:Mode=Webhook: 1-256 of A-Z a-z 0-9 _ -"
                : "Telegram:WebhookSecret must be 1-256 of A-Z a-z 0-9 _ - (Telegram refuses anything else)");
        }
        if (!web.Value.Enabled)
        {
            failures.Add("Web:Enabled must be true when Telegram:Mode=Webhook: Kestrel serves the webhook");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The path the worker serves for <paramref name="webhookUrl"/> ("/" when it has none), or null when it is not an absolute http(s) URL.</summary>
    public static string? WebhookPath(string webhookUrl) =>
        Uri.TryCreate(webhookUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? uri.AbsolutePath
            : null;

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}\z")]
    private static partial Regex SecretPattern();
}
