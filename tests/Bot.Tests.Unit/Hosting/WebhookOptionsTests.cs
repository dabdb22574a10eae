using Bot.Worker.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Unit.Hosting;

/// <summary>Telegram:Mode=Webhook needs a URL, a secret Telegram accepts and Kestrel; failures name the key and never the secret.</summary>
public sealed class WebhookOptionsTests
{
    private const string Token = "123456789:AAFakeTokenForTests_abcdefghijklmnop";

    [Fact]
    public void Polling_needs_none_of_the_webhook_keys() =>
        Assert.True(Validate(new TelegramOptions { Token = Token }).Succeeded);

    [Fact]
    public void A_complete_webhook_configuration_passes() =>
        Assert.True(Validate(Webhook(o => { })).Succeeded);

    [Theory]
    [InlineData("", "Telegram:WebhookUrl")]
    [InlineData("bot.example.com/hook", "Telegram:WebhookUrl")]
    [InlineData("ftp://bot.example.com/hook", "Telegram:WebhookUrl")]
    public void A_missing_or_bad_url_names_the_key(string url, string key)
    {
        var result = Validate(Webhook(o => o.WebhookUrl = url));

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("trailing-newline\n")]
    public void A_missing_or_bad_secret_names_the_key_and_not_the_value(string secret)
    {
        var result = Validate(Webhook(o => o.WebhookSecret = secret));

        Assert.True(result.Failed);
        Assert.Contains("Telegram:WebhookSecret", result.FailureMessage, StringComparison.Ordinal);
        if (secret.Length > 0)
        {
            Assert.DoesNotContain(secret.Trim(), result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_secret_of_257_characters_is_refused_and_256_accepted()
    {
        Assert.True(Validate(Webhook(o => o.WebhookSecret = new string('a', 257))).Failed);
        Assert.True(Validate(Webhook(o => o.WebhookSecret = new string('a', 256))).Succeeded);
    }

    [Fact]
    public void Webhook_mode_with_web_disabled_names_web_enabled()
    {
        var result = Validate(Webhook(o => { }), new WebOptions { Enabled = false });

        Assert.True(result.Failed);
        Assert.Contains("Web:Enabled", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://bot.example.com/tg/hook", "/tg/hook")]
    [InlineData("https://bot.example.com", "/")]
    [InlineData("http://127.0.0.1:8443/hook?x=1", "/hook")]
    public void The_served_path_is_the_path_of_the_url(string url, string path) =>
        Assert.Equal(path, TelegramModeValidator.WebhookPath(url));

    private static TelegramOptions Webhook(Action<TelegramOptions> change)
    {
        var options = new TelegramOptions { Token = Token, Mode = TelegramMode.Webhook, WebhookUrl = "https://bot.example.com/tg/hook", WebhookSecret = "s3cret_-Value" };
        change(options);
        return options;
    }

    private static ValidateOptionsResult Validate(TelegramOptions options, WebOptions? web = null) =>
        new TelegramModeValidator(Options.Create(web ?? new WebOptions())).Validate(null, options);
}
