using Bot.Worker.Chats;
using Bot.Worker.Commands;
using Bot.Worker.Commands.Public;

namespace Bot.Tests.Unit.Commands;

public sealed class CommandLineTests
{
    [Fact]
    public void Parses_command_bot_and_arguments()
    {
        var line = CommandLine.Parse("/Subscribe@AntiFraud_bot tips  alerts ");
        Assert.Equal(new CommandLine("subscribe", "AntiFraud_bot", "tips  alerts"), line);
    }

    [Fact]
    public void Keeps_the_lines_after_the_command() =>
        Assert.Equal("welcome en\nHello {{ user.first_name }}", CommandLine.Parse("/template_set welcome en\nHello {{ user.first_name }}")!.Value.Args);

    [Theory]
    [InlineData("hello")]
    [InlineData("/")]
    [InlineData("")]
    public void Text_that_is_not_a_command_is_not_parsed(string text) => Assert.Null(CommandLine.Parse(text));

    [Theory]
    [InlineData("zh-hans", "zh-Hans")]
    [InlineData("zh", "zh-Hans")]
    [InlineData("zh-TW", "zh-Hant")]
    [InlineData("zh-hant", "zh-Hant")]
    [InlineData("en-US", "en")]
    [InlineData("ru", null)]
    [InlineData(null, null)]
    public void Maps_telegram_language_codes(string? code, string? expected) => Assert.Equal(expected, Languages.FromClient(code));

    [Theory]
    [InlineData("22:00-07:00", 1320, 420)]
    [InlineData("9:30-12:00", 570, 720)]
    public void Reads_quiet_windows(string text, int start, int end) => Assert.Equal(new QuietWindow(start, end), QuietWindow.Parse(text));

    [Theory]
    [InlineData("22:00")]
    [InlineData("25:00-07:00")]
    [InlineData("07:00-07:00")]
    [InlineData("tonight")]
    public void Refuses_malformed_quiet_windows(string text) => Assert.Null(QuietWindow.Parse(text));
}
