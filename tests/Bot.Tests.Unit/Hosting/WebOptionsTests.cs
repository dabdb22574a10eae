using Bot.Worker.Configuration;

namespace Bot.Tests.Unit.Hosting;

public sealed class WebOptionsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://*:8080;https://localhost:8443")]
    [InlineData("http://[::1]:8080")]
    public void Accepts_http_urls_separated_by_semicolons(string urls) =>
        Assert.True(new WebOptionsValidator().Validate(null, new WebOptions { Urls = urls }).Succeeded);

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("")]
    public void A_bad_url_list_names_web_urls(string urls)
    {
        var result = new WebOptionsValidator().Validate(null, new WebOptions { Urls = urls });
        Assert.True(result.Failed);
        Assert.StartsWith("Web:Urls", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_urls_are_needed_when_the_web_host_is_off() =>
        Assert.True(new WebOptionsValidator().Validate(null, new WebOptions { Enabled = false, Urls = "" }).Succeeded);

    [Fact]
    public void A_bad_public_url_names_web_public_url() =>
        Assert.Contains("Web:PublicUrl", new WebOptionsValidator().Validate(null, new WebOptions { PublicUrl = "example.org" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void The_public_url_defaults_to_the_first_listening_url()
    {
        Assert.Equal("http://127.0.0.1:8080", new WebOptions().EffectivePublicUrl);
        Assert.Equal("https://bot.example.org", new WebOptions { Urls = "http://0.0.0.0:80", PublicUrl = "https://bot.example.org" }.EffectivePublicUrl);
        Assert.Equal("http://10.0.0.5:80", new WebOptions { Urls = " http://10.0.0.5:80 ; http://127.0.0.1:81" }.EffectivePublicUrl);
    }
}
