using Bot.Worker.Common;
using Bot.Worker.Configuration;
using Bot.Worker.Templating;
using Bot.Worker.Templating.Kinds;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Support;

/// <summary>The real templating pieces over the repository's shipped templates, at a fixed time.</summary>
internal sealed class TemplatingFixture
{
    public TemplatingFixture()
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        var paths = new ContentPaths(Repo.Root);
        Catalog = new TemplateCatalog(Options.Create(new TemplatesOptions()), Options.Create(new BotOptions()), paths, NullLogger<TemplateCatalog>.Instance);
        Labels = new Labels(Options.Create(new TemplatesOptions()), Options.Create(new BotOptions()), paths);
        Labels.Load();
        Tips = new TipLibrary(Options.Create(new TemplatesOptions()), paths);
        Tips.Load();
        var bot = new BotProfile(Labels, Options.Create(new BotOptions())) { Identity = new(1, "Anti-Fraud Reminder Bot", "antifraud_bot") };
        Renderer = new MessageRenderer(Catalog, Sandbox, bot, Clock, PlainMeterFactory.Metrics(Clock), NullLogger<MessageRenderer>.Instance);
        Validator = new TemplateValidator(Kinds, Sandbox, Renderer);
    }

    public FakeTimeProvider Clock { get; }

    public TemplateKinds Kinds { get; } = new();

    public TemplateSandbox Sandbox { get; } = new();

    public TemplateCatalog Catalog { get; }

    public Labels Labels { get; }

    public TipLibrary Tips { get; }

    public MessageRenderer Renderer { get; }

    public TemplateValidator Validator { get; }
}
