using Bot.Tests.Unit.Support;
using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Templating;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Unit.Templating;

public sealed class LanguageFallbackTests
{
    [Fact]
    public void A_missing_language_falls_back_to_the_default_then_english_and_is_logged_once()
    {
        var logs = new ListLogger<TemplateCatalog>();
        var catalog = new TemplateCatalog(Options.Create(new TemplatesOptions()), Options.Create(new BotOptions { DefaultLanguage = "zh-Hant" }), new ContentPaths(Repo.Root), logs);
        catalog.SetLive(new TemplateKey("report", "en"), 1, Scriban.Template.Parse("en"), isShipped: true);
        catalog.SetLive(new TemplateKey("verify", "zh-Hant"), 1, Scriban.Template.Parse("hant"), isShipped: true);
        catalog.SetLive(new TemplateKey("verify", "en"), 1, Scriban.Template.Parse("en"), isShipped: true);

        Assert.Equal(new TemplateKey("verify", "zh-Hant"), catalog.Get("verify", "zh-Hans").Key);
        Assert.Equal(new TemplateKey("report", "en"), catalog.Get("report", "zh-Hans").Key);
        Assert.Equal(new TemplateKey("report", "en"), catalog.Get("report", "zh-Hans").Key);

        Assert.Equal(2, logs.Messages.Count);
    }
}
