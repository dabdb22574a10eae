using System.Globalization;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Deadlines;

namespace Bot.Tests.Integration.Worker;

/// <summary>A chat's "/" menu follows team membership at once: /join adds the team commands, leaving through a reload removes them.</summary>
public abstract class TeamMenuTests(StorageProvider provider)
{
    private const long Lead = 6501;
    private const long Member = 6502;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_member_who_joins_gets_the_team_commands_in_their_menu_without_a_restart()
    {
        const long admin = 6600, newcomer = 6700;
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-menu");
        WriteTeams(directory, Lead, Member);
        await using var bot = await BotUnderTest.StartAsync(provider, server, s =>
        {
            Configure(s, directory);
            s.Configuration["Bot:Admins:0"] = admin.ToString(CultureInfo.InvariantCulture);
        }, directory);
        await Eventually.TrueAsync(() => HasTeamCommands(server, Member), within: Wait);
        Assert.False(HasTeamCommands(server, newcomer));

        server.EnqueueText(admin, "/invite fraud", languageCode: "en");
        var invite = (await server.WaitForMessagesAsync(admin, 1, Wait))[0];
        var code = System.Text.RegularExpressions.Regex.Match(invite.VisibleText, "/join ([0-9A-F]{10})").Groups[1].Value;
        server.EnqueueText(newcomer, "/join " + code, languageCode: "en");
        await server.WaitForMessagesAsync(newcomer, 1, Wait);

        await Eventually.TrueAsync(() => HasTeamCommands(server, newcomer), within: Wait);
    }

    [Fact]
    public async Task A_member_removed_from_the_file_loses_the_team_commands_on_reload()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-menu");
        WriteTeams(directory, Lead, Member);
        await using var bot = await BotUnderTest.StartAsync(provider, server, s => Configure(s, directory), directory);
        await Eventually.TrueAsync(() => HasTeamCommands(server, Member), within: Wait);

        WriteTeams(directory, Lead);
        Assert.True(await bot.Get<DeadlineConfigSource>().ReloadAsync());

        await Eventually.TrueAsync(() => !HasTeamCommands(server, Member), within: Wait);
        Assert.True(HasTeamCommands(server, Lead));
    }

    /// <summary>The chat's own menu (English and the language-less fallback) lists /deadlines.</summary>
    private static bool HasTeamCommands(FakeBotApiServer server, long chat)
    {
        var registered = server.RegisteredCommands;
        return new[] { "en", null }.All(language =>
            registered.TryGetValue(FakeBotApiServer.CommandsKey("chat", language, chat), out var commands)
            && commands.ToJsonString().Contains("\"deadlines\"", StringComparison.Ordinal));
    }

    private static void Configure(Bot.Worker.Hosting.WorkerHostSettings settings, string directory) =>
        settings.Configuration["Bot:DeadlinesFile"] = Path.Combine(directory, "deadlines.yaml");

    private static void WriteTeams(string directory, params long[] members) =>
        File.WriteAllText(Path.Combine(directory, "deadlines.yaml"), $"""
            teams:
              - id: fraud
                name: Fraud desk
                lead: {Lead}
                members: [{string.Join(", ", members)}]
            deadlines: []
            """);
}

public sealed class TeamMenuTestsOnSqlite() : TeamMenuTests(StorageProvider.Sqlite);

public sealed class TeamMenuTestsOnPostgres() : TeamMenuTests(StorageProvider.Postgres);
