using System.Globalization;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;

namespace Bot.Tests.Integration.Web;

/// <summary>The /web reply carries a one-time sign-in token: the outbox keeps it only until the reply is sent.</summary>
public abstract class SignInLinkTests(StorageProvider provider)
{
    private const long Admin = 4343;

    [Fact]
    public async Task The_sign_in_link_is_gone_from_the_outbox_once_telegram_has_it_and_other_replies_keep_their_text()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        await using var bot = await BotUnderTest.StartAsync(provider, server,
            s => s.Configuration["Bot:Admins:0"] = Admin.ToString(CultureInfo.InvariantCulture));
        var help = await ConsoleSignIn.AskAsync(server, Admin, "/help");

        var link = await ConsoleSignIn.LinkAsync(server, Admin);

        var token = link.Query[(link.Query.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        Assert.NotEmpty(token);
        await bot.WaitForAsync("SELECT state FROM outbox WHERE kind = 'web-login'", "sent");
        var stored = await bot.ScalarAsync<string>("SELECT text FROM outbox WHERE kind = 'web-login'");
        Assert.DoesNotContain(token, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", stored, StringComparison.Ordinal);
        // An ordinary reply is the ledger's proof of what was said: its text stays.
        await bot.WaitForAsync("SELECT state FROM outbox WHERE kind = 'help'", "sent");
        Assert.Contains("/web", await bot.ScalarAsync<string>("SELECT text FROM outbox WHERE kind = 'help'"), StringComparison.Ordinal);
        Assert.Contains("/web", help.VisibleText, StringComparison.Ordinal);
    }
}

public sealed class SignInLinkTestsOnSqlite() : SignInLinkTests(StorageProvider.Sqlite);

public sealed class SignInLinkTestsOnPostgres() : SignInLinkTests(StorageProvider.Postgres);
