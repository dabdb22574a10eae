using Bot.Tests.Unit.Support;
using Bot.Worker.Templating;

namespace Bot.Tests.Unit.Channels;

/// <summary>
/// Every shipped template, rendered as in Templating/GoldenTests (its kind's first sample), converted by each
/// channel's converter, must match tests/Bot.Tests.Unit/Channels/Golden/FORMAT/NAME.LANG.EXT. After an intended
/// change, run with UPDATE_GOLDEN=1 to rewrite the files, and review the diff.
/// </summary>
public sealed class ChannelGoldenTests
{
    private static readonly TemplatingFixture Fixture = new();
    private static readonly string GoldenDirectory = Path.Combine(Repo.Root, "tests", "Bot.Tests.Unit", "Channels", "Golden");

    public static TheoryData<string, string, string> ShippedTemplatesInEachFormat()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var format in ChannelFormats.Names)
        {
            foreach (var file in Fixture.Catalog.ReadShippedFiles())
            {
                data.Add(format, file.Key.Name, file.Key.Language);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedTemplatesInEachFormat))]
    public void Converts_as_the_golden_file(string format, string name, string language)
    {
        var output = ChannelFormats.Convert(format, Render(name, language));
        var golden = Path.Combine(GoldenDirectory, format, $"{name}.{language}.{ChannelFormats.Extension(format)}");

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllText(golden, output);
        }

        Assert.True(File.Exists(golden), $"missing {golden}; run with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(golden), output);
    }

    internal static string Render(string name, string language)
    {
        var file = Fixture.Catalog.ReadShippedFiles().Single(f => f.Key == new TemplateKey(name, language));
        var template = Scriban.Template.Parse(file.Source);
        var sample = Fixture.Kinds.Find(name)!.Samples[0];
        return Fixture.Sandbox.Render(template, Fixture.Renderer.Model(TemplateValidator.SampleRecipient(language), sample)).Trim();
    }
}
