using Bot.FakeTelegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Bot.Tests.Integration.FakeServer;

public sealed class CommandsTests : FakeServerTest
{
    [Fact]
    public async Task SetMyCommands_is_recorded_per_scope_and_language()
    {
        await Bot.SetMyCommands([new BotCommand("start", "Start"), new BotCommand("help", "Help")]);
        await Bot.SetMyCommands([new BotCommand("start", "Начать")], BotCommandScope.AllPrivateChats(), "ru");

        var registered = Server.RegisteredCommands;

        Assert.Equal(2, registered.Count);
        Assert.Equal("help", registered[FakeBotApiServer.CommandsKey()]![1]!["command"]!.GetValue<string>());
        Assert.Equal("Начать", registered[FakeBotApiServer.CommandsKey("all_private_chats", "ru")]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetMyCommands_returns_what_was_set_and_delete_clears_it()
    {
        await Bot.SetMyCommands([new BotCommand("start", "Start")], BotCommandScope.Chat(42));

        var forChat = await Bot.GetMyCommands(BotCommandScope.Chat(42));
        var forDefault = await Bot.GetMyCommands();
        await Bot.DeleteMyCommands(BotCommandScope.Chat(42));

        Assert.Equal("start", Assert.Single(forChat).Command);
        Assert.Empty(forDefault);
        Assert.Empty(await Bot.GetMyCommands(BotCommandScope.Chat(42)));
    }

    [Fact]
    public async Task Invalid_command_names_are_rejected()
    {
        var error = await Assert.ThrowsAsync<ApiRequestException>(() => Bot.SetMyCommands([new BotCommand("Start-Now", "x")]));

        Assert.Equal("Bad Request: BOT_COMMAND_INVALID", error.Message);
    }
}
