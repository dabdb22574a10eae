using System.Diagnostics;
using Bot.Tests.Unit.Support;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Tests.Unit.Templating;

/// <summary>The hostile corpus in Templating/Hostile: each is refused at save, and rendering it anyway fails fast.</summary>
public sealed class HostileTemplateTests
{
    private static readonly TemplatingFixture Fixture = new();

    public static TheoryData<string> Corpus()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Templating", "Hostile"), "*.sbn").Order())
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Is_refused_at_save_with_a_position(string file)
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Templating", "Hostile", file));
        var watch = Stopwatch.StartNew();

        var (template, problem) = Fixture.Validator.Check("awareness-tip", "en", source);

        Assert.Null(template);
        Assert.NotNull(problem);
        Assert.True(problem.Line >= 1 && problem.Column >= 1);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"checking took {watch.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Rendering_it_anyway_fails_or_is_caught_by_the_output_checks(string file)
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Templating", "Hostile", file));
        var template = Scriban.Template.Parse(source);
        var model = Fixture.Renderer.Model(TemplateValidator.SampleRecipient("en"), new { Tip = new { Title = "t", Body = "b", Scam = "s", Id = "x" }, TipNumber = 1, TipCount = 1 });
        var watch = Stopwatch.StartNew();
        string? output = null;
        try
        {
            output = Fixture.Sandbox.Render(template, model);
        }
        catch (Exception)
        {
            // Refused by a sandbox limit: what we want.
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"render took {watch.Elapsed}");
        if (output is not null)
        {
            Assert.True(TelegramHtmlValidator.Validate(output) is not null || TelegramHtml.VisibleLength(output) > TemplateValidator.MaxVisibleLength,
                $"{file} rendered without any check catching it: {output[..Math.Min(80, output.Length)]}");
        }
    }

    [Fact]
    public async Task A_normal_render_completes_while_hostile_ones_run()
    {
        var hostile = Scriban.Template.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Templating", "Hostile", "regex-backtracking.sbn")));
        var normal = Fixture.Catalog.ReadShippedFiles().Single(f => f.Key == new TemplateKey("welcome", "en"));
        var welcome = Scriban.Template.Parse(normal.Source);
        var model = Fixture.Renderer.Model(TemplateValidator.SampleRecipient("en"), new { Topics = Array.Empty<object>(), SubscribedAny = false });

        var attacks = Enumerable.Range(0, 4).Select(_ => Task.Run(() => Assert.ThrowsAny<Exception>(() => Fixture.Sandbox.Render(hostile, model)))).ToList();
        var watch = Stopwatch.StartNew();
        var output = await Task.Run(() => Fixture.Sandbox.Render(welcome, model));
        var normalTook = watch.Elapsed;
        await Task.WhenAll(attacks);

        Assert.Contains("96110", output, StringComparison.Ordinal);
        Assert.True(normalTook < TimeSpan.FromSeconds(1), $"normal render took {normalTook}");
    }
}
