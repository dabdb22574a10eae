using System.Globalization;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using OpenQA.Selenium;

namespace Bot.Tests.Integration.Web;

/// <summary>
/// The broadcasts pages in real headless Chromium, two admins in two browsers: admin A proposes an alert with their
/// own text and sees it escaped in the preview, is offered Withdraw and not Approve/Reject (a forged approval is still
/// refused); admin B approves or rejects it; a proposer who withdraws it sends nothing and tells the others.
/// </summary>
public abstract class BroadcastPagesTests(StorageProvider provider) : ConsolePageTest(provider, AdminA, AdminB)
{
    private const long AdminA = 7101, AdminB = 7102;
    private static readonly long[] Subscribers = [7201, 7202, 7203];
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private protected override async Task StartedAsync()
    {
        foreach (var chat in Subscribers)
        {
            await AskAsync(chat, "/subscribe alerts");
        }
    }

    [Fact]
    public async Task An_alert_proposed_by_one_admin_is_refused_to_them_and_goes_out_escaped_once_per_subscriber_when_another_approves()
    {
        await SignInAsync(Chrome, AdminA);
        Chrome.Open(new Uri(Bot.WebAddress, "/broadcasts/new"));
        Chrome.WaitForText("#propose-form", _ => true);
        Chrome.Click("#mode-text");
        Chrome.Driver.FindElement(By.CssSelector("#alert-text")).SendKeys("<b>x</b> & y");
        Chrome.Click("#preview-button");

        // The preview shows the text as typed, as text: no bold "x", and the page holds it escaped.
        var preview = Chrome.WaitForText("#preview", t => t.Contains("<b>x</b> & y", StringComparison.Ordinal));
        Assert.Contains("Fraud alert", preview, StringComparison.Ordinal);
        Assert.DoesNotContain(Chrome.Driver.FindElements(By.CssSelector("#preview b")), e => e.Text == "x");
        // ...inside the alert template's own formatting, shown as Telegram shows it (one message, its title bold).
        Assert.Contains(Chrome.Driver.FindElements(By.CssSelector("#preview .tg-message b")), e => e.Text.Contains("Fraud alert", StringComparison.Ordinal));
        Assert.Contains("&lt;b&gt;x&lt;/b&gt; &amp; y", Chrome.Driver.FindElement(By.CssSelector("#preview")).GetAttribute("innerHTML"), StringComparison.Ordinal);
        Assert.Contains("3", Chrome.Text("#audience"), StringComparison.Ordinal);
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM broadcasts"));
        Chrome.Screenshot("broadcast-new");

        Chrome.Click("#propose-button");
        Chrome.WaitForText("#proposed", _ => true);
        Assert.Equal("pending_approval", Chrome.Driver.FindElement(By.CssSelector("#state")).GetAttribute("data-state"));
        var id = await Bot.ScalarAsync<long>("SELECT id FROM broadcasts WHERE proposed_by = @AdminA", new { AdminA });
        // Admin B is told in chat exactly as after /broadcast: a notice with Approve/Reject, then the preview.
        await Server.WaitForMessageAsync(m => m.ChatId == AdminB && m.ButtonData.Contains($"bc:a:{id}"), Wait);

        // The proposer decides nothing: no Approve or Reject for them, only Withdraw.
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector("#approve")));
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector("#reject")));
        Assert.Single(Chrome.Driver.FindElements(By.CssSelector("#withdraw")));
        // A forged approval (the page's own form with the handler switched) is refused by the use case and audited.
        Chrome.Driver.ExecuteScript("var f = document.querySelector('#withdraw').form; f.action = f.action.replace('handler=Withdraw', 'handler=Approve'); f.submit();");
        Assert.Contains("different admin", Chrome.WaitForText("#decision.problem", _ => true), StringComparison.Ordinal);
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @AdminA AND action = '/approve' AND allowed = 0", new { AdminA }));
        Assert.Equal("pending_approval", await Bot.ScalarAsync<string>("SELECT state FROM broadcasts WHERE id = @id", new { id }));

        using (var b = Browser.Start())
        {
            await SignInAsync(b, AdminB);
            b.Open(new Uri(Bot.WebAddress, $"/broadcasts/{id}"));
            Assert.Contains("<b>x</b> & y", b.WaitForText("#preview", _ => true), StringComparison.Ordinal);
            b.Click("#approve");
            Assert.Contains("Approved", b.WaitForText("#decision", _ => true), StringComparison.Ordinal);
        }

        foreach (var chat in Subscribers)
        {
            var alert = (await Server.WaitForMessagesAsync(chat, 2, Wait))[1];
            Assert.Contains("&lt;b&gt;x&lt;/b&gt; &amp; y", alert.Text, StringComparison.Ordinal);
            Assert.Contains("<b>x</b> & y", alert.VisibleText, StringComparison.Ordinal);
        }
        // The proposer hears of the decision in chat, as after /approve.
        await Server.WaitForMessageAsync(m => m.ChatId == AdminA && m.VisibleText.Contains($"#{id}", StringComparison.Ordinal) && m.VisibleText.Contains("approved", StringComparison.OrdinalIgnoreCase), Wait);

        Chrome.Open(new Uri(Bot.WebAddress, "/broadcasts"));
        var row = $"#broadcasts tr[data-id='{id}']";
        Chrome.WaitForText($"{row} [data-field='state']", t => t == "done");
        Assert.Equal("3", Chrome.Text($"{row} [data-field='sent']"));
        Assert.Equal("3", Chrome.Text($"{row} [data-field='total']"));
        Assert.Contains("<b>x</b> & y", Chrome.Text($"{row} [data-field='content']"), StringComparison.Ordinal);
        Assert.Contains(AdminA.ToString(CultureInfo.InvariantCulture), Chrome.Text($"{row} [data-field='proposer']"), StringComparison.Ordinal);
        Assert.Contains(AdminB.ToString(CultureInfo.InvariantCulture), Chrome.Text($"{row} [data-field='decider']"), StringComparison.Ordinal);
        Chrome.Screenshot("broadcasts");

        Assert.All(Subscribers, chat => Assert.Equal(2, Server.SentTo(chat).Count));
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @AdminA AND action = '/broadcast' AND allowed = 1", new { AdminA }));
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @AdminB AND action = '/approve' AND allowed = 1", new { AdminB }));
    }

    [Fact]
    public async Task Wrong_input_is_refused_next_to_the_form_and_a_rejected_template_alert_sends_nothing()
    {
        await SignInAsync(Chrome, AdminA);
        Chrome.Open(new Uri(Bot.WebAddress, "/broadcasts/new"));
        Chrome.WaitForText("#propose-form", _ => true);
        Chrome.Click("#preview-button");
        Assert.Contains("empty", Chrome.WaitForText("#propose-problem", _ => true), StringComparison.Ordinal);
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector("#propose-button")));

        // Typing 9000 keys is slow: the text goes in as a value, the form posts it all the same.
        Chrome.Driver.ExecuteScript("arguments[0].value = arguments[1];", Chrome.Driver.FindElement(By.CssSelector("#alert-text")), new string('y', 9000));
        Chrome.Click("#preview-button");
        // The page still shows the first problem until the post returns: wait for the new one.
        Chrome.WaitForText("#propose-problem", t => t.Contains("Too long", StringComparison.Ordinal));

        Chrome.Click("#mode-template");
        Chrome.Click("#template option[value='alert']");
        Chrome.Click("#preview-button");
        Chrome.WaitForText("#preview", t => t.Contains("safe account", StringComparison.Ordinal));
        Chrome.Click("#propose-button");
        Chrome.WaitForText("#proposed", _ => true);
        var id = await Bot.ScalarAsync<long>("SELECT id FROM broadcasts WHERE proposed_by = @AdminA", new { AdminA });
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM broadcasts"));

        using (var b = Browser.Start())
        {
            await SignInAsync(b, AdminB);
            b.Open(new Uri(Bot.WebAddress, $"/broadcasts/{id}"));
            b.Click("#reject");
            Assert.Contains("Rejected", b.WaitForText("#decision", _ => true), StringComparison.Ordinal);
            Assert.Empty(b.Driver.FindElements(By.CssSelector("#approve")));
        }

        Chrome.Open(new Uri(Bot.WebAddress, "/broadcasts"));
        var row = $"#broadcasts tr[data-id='{id}']";
        Assert.StartsWith("rejected", Chrome.WaitForText($"{row} [data-field='state']", _ => true), StringComparison.Ordinal);
        Assert.Equal("template alert", Chrome.Text($"{row} [data-field='content']"));
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @AdminB AND action = '/reject' AND allowed = 1", new { AdminB }));
        await Server.WaitForMessageAsync(m => m.ChatId == AdminA && m.VisibleText.Contains($"#{id}", StringComparison.Ordinal) && m.VisibleText.Contains("rejected", StringComparison.OrdinalIgnoreCase), Wait);
        Assert.All(Subscribers, chat => Assert.Single(Server.SentTo(chat)));
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM outbox WHERE broadcast_id = @id", new { id }));
    }

    [Fact]
    public async Task The_proposer_cannot_reject_their_own_alert_in_chat_and_withdraws_it_on_the_page_which_sends_nothing()
    {
        var before = Server.SentTo(AdminA).Count;
        Server.EnqueueText(AdminA, "/broadcast alerts\nA scam is going round: do not answer.", languageCode: "en");
        await Server.WaitForMessagesAsync(AdminA, before + 2, Wait); // "proposed" and the preview
        var id = await Bot.ScalarAsync<long>("SELECT id FROM broadcasts WHERE proposed_by = @AdminA", new { AdminA });
        var notice = await Server.WaitForMessageAsync(m => m.ChatId == AdminB && m.ButtonData.Contains($"bc:r:{id}"), Wait);

        var refused = await AskAsync(AdminA, $"/reject {id}");
        Assert.Contains("withdraw", refused.VisibleText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("pending_approval", await Bot.ScalarAsync<string>("SELECT state FROM broadcasts WHERE id = @id", new { id }));
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @AdminA AND action = '/reject' AND allowed = 0", new { AdminA }));
        // Nobody else may withdraw it.
        Assert.Contains("Only the admin who proposed", (await AskAsync(AdminB, $"/withdraw {id}")).VisibleText, StringComparison.Ordinal);

        await SignInAsync(Chrome, AdminA);
        Chrome.Open(new Uri(Bot.WebAddress, $"/broadcasts/{id}"));
        Chrome.Click("#withdraw");

        Assert.Contains("Withdrawn", Chrome.WaitForText("#decision", _ => true), StringComparison.Ordinal);
        Assert.Equal("withdrawn", await Bot.ScalarAsync<string>("SELECT state FROM broadcasts WHERE id = @id", new { id }));
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector("#withdraw")));
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @AdminA AND action = '/withdraw' AND allowed = 1", new { AdminA }));
        // The other admin hears of it, and their notice's Approve button no longer does anything.
        await Server.WaitForMessageAsync(m => m.ChatId == AdminB && m.VisibleText.Contains($"#{id}", StringComparison.Ordinal) && m.VisibleText.Contains("withdrawn", StringComparison.OrdinalIgnoreCase), Wait);
        var sent = Server.SentTo(AdminB).Count;
        Server.EnqueueCallback(AdminB, $"bc:a:{id}", AdminB, notice.MessageId, languageCode: "en");
        var answer = (await Server.WaitForMessagesAsync(AdminB, sent + 1, Wait))[sent];
        Assert.Contains("already decided", answer.VisibleText, StringComparison.Ordinal);
        Assert.Equal("withdrawn", await Bot.ScalarAsync<string>("SELECT state FROM broadcasts WHERE id = @id", new { id }));
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM outbox WHERE broadcast_id = @id", new { id }));
    }

    private Task SignInAsync(Browser browser, long admin) => ConsoleSignIn.SignInAsync(browser, Server, admin);

    private Task<SentMessage> AskAsync(long user, string text) => ConsoleSignIn.AskAsync(Server, user, text);
}

public sealed class BroadcastPagesTestsOnSqlite() : BroadcastPagesTests(StorageProvider.Sqlite);

public sealed class BroadcastPagesTestsOnPostgres() : BroadcastPagesTests(StorageProvider.Postgres);
