using System.Text.RegularExpressions;
using Bot.FakeTelegram;

namespace Bot.Tests.Integration.Support;

/// <summary>What the console's browser tests share: a chat message and its reply, the /web link, and signing in with it.</summary>
internal static partial class ConsoleSignIn
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>Sends <paramref name="text"/> as <paramref name="user"/> (English) and returns the bot's next reply.</summary>
    public static async Task<SentMessage> AskAsync(FakeBotApiServer server, long user, string text)
    {
        var before = server.SentTo(user).Count;
        server.EnqueueText(user, text, languageCode: "en");
        return (await server.WaitForMessagesAsync(user, before + 1, Wait))[before];
    }

    /// <summary>The sign-in link the bot sends <paramref name="admin"/> after /web.</summary>
    public static async Task<Uri> LinkAsync(FakeBotApiServer server, long admin)
    {
        var reply = await AskAsync(server, admin, "/web");
        var match = LinkPattern().Match(reply.VisibleText);
        Assert.True(match.Success, "no link in: " + reply.VisibleText);
        return new Uri(match.Value);
    }

    /// <summary>Opens <paramref name="admin"/>'s /web link in <paramref name="browser"/> and waits for the signed-in page.</summary>
    public static async Task SignInAsync(Browser browser, FakeBotApiServer server, long admin)
    {
        browser.Open(await LinkAsync(server, admin));
        browser.WaitForText("#signed-in-as", _ => true);
    }

    [GeneratedRegex(@"https?://\S+/login\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
