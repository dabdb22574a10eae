using Bot.Tests.Unit.Support;
using Bot.Worker.Templating;

namespace Bot.Tests.Unit.Templating;

/// <summary>
/// Each shipped template rendered with its kind's first sample (at 2026-11-24 16:00 Asia/Shanghai) must
/// match tests/Bot.Tests.Unit/Templating/Golden/NAME.LANG.html. After an intended change, run the tests
/// with UPDATE_GOLDEN=1 to rewrite the files, and review the diff.
/// </summary>
public sealed class GoldenTests
{
    private static readonly TemplatingFixture Fixture = new();
    private static readonly string GoldenDirectory = Path.Combine(Repo.Root, "tests", "Bot.Tests.Unit", "Templating", "Golden");

    public static TheoryData<string, string> ShippedTemplates()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Fixture.Catalog.ReadShippedFiles())
        {
            data.Add(file.Key.Name, file.Key.Language);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedTemplates))]
    public void Renders_as_the_golden_file(string name, string language)
    {
        var file = Fixture.Catalog.ReadShippedFiles().Single(f => f.Key == new TemplateKey(name, language));
        var template = Scriban.Template.Parse(file.Source);
        var sample = Fixture.Kinds.Find(name)!.Samples[0];
        var output = Fixture.Sandbox.Render(template, Fixture.Renderer.Model(TemplateValidator.SampleRecipient(language), sample)).Trim() + "\n";
        var golden = Path.Combine(GoldenDirectory, $"{name}.{language}.html");

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenDirectory);
            File.WriteAllText(golden, output);
        }

        Assert.True(File.Exists(golden), $"missing {golden}; run with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(golden), output);
    }
}
