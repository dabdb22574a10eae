using Bot.Worker.Configuration;
using Bot.Worker.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Unit.Hosting;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("")]
    [InlineData("123456789:AAFakeTokenForTests_abcdefghijklmnop")]
    public void Accepts_an_empty_or_well_formed_token(string token) =>
        Assert.True(new TelegramOptionsValidator().Validate(null, new TelegramOptions { Token = token }).Succeeded);

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("123456789:short")]
    [InlineData("abc:AAFakeTokenForTests_abcdefghijklmnop")]
    public void A_malformed_token_names_the_key_and_not_the_value(string token)
    {
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions { Token = token });
        Assert.True(result.Failed);
        Assert.Contains("Telegram:Token", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(token, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_time_zone_names_the_key()
    {
        var result = new BotOptionsValidator().Validate(null, new BotOptions { TimeZone = "Mars/Olympus" });
        Assert.True(result.Failed);
        Assert.Contains("Bot:TimeZone", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_provider_and_language_are_refused()
    {
        Assert.Contains("Storage:Provider", new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = "MySql" }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Bot:DefaultLanguage", new BotOptionsValidator().Validate(null, new BotOptions { DefaultLanguage = "fr" }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validation_failure_is_described_in_one_line()
    {
        var failure = new OptionsValidationException("BotOptions", typeof(BotOptions),
            ["DataAnnotation validation failed for 'BotOptions' members: 'TimeZone' with the error: 'Bot:TimeZone 'Mars/Olympus' is not a known IANA time zone (for example Asia/Shanghai)'."]);

        var line = StartupFailure.Describe(failure);

        Assert.Equal("Bot:TimeZone 'Mars/Olympus' is not a known IANA time zone (for example Asia/Shanghai)", line);
    }
}
