using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using OpenQA.Selenium;

namespace Bot.Tests.Integration.Web;

/// <summary>
/// The console as an attacker tries it (issue 17), on SQLite and PostgreSQL: /web in a group posts no link, a session
/// ends on the server at sign-out (a saved cookie opens nothing afterwards) and "sign out everywhere" ends them all,
/// a forged Host header shapes no redirect, the statuses say what happened, and sign-in guesses are limited and logged.
/// </summary>
public abstract class ConsoleSecurityTests(StorageProvider provider) : ConsolePageTest(provider, Admin)
{
    private const long Admin = 7501, Member = 7502, Group = -1007500;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Web_in_a_group_posts_no_link_there_says_to_ask_in_private_and_is_audited()
    {
        Server.EnqueueText(Member, "hello", chatId: Group);
        Server.EnqueueText(Admin, "/web", chatId: Group, languageCode: "en");

        var reply = (await Server.WaitForMessagesAsync(Group, 1, Wait))[0];

        // The group's language is the bot's default (zh-Hans): it names the command to send in private.
        Assert.Contains("/web", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("私聊", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Sent, m => m.Text.Contains("token=", StringComparison.Ordinal));
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM web_logins"));
        Assert.Equal(1, await Bot.ScalarAsync<int>(
            "SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = '/web' AND detail LIKE '%group%'", new { Admin }));
        // In a private chat the same admin still gets a link.
        Assert.Contains("token=", (await ConsoleSignIn.AskAsync(Server, Admin, "/web")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_cookie_saved_before_sign_out_opens_nothing_and_adds_nothing_afterwards()
    {
        await ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
        Chrome.Open(new Uri(Bot.WebAddress, "/known-numbers"));
        Chrome.WaitForText("#add-form", _ => true);
        var saved = SavedForm();
        using var http = NoRedirects();
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(saved.Get("/audit"))).StatusCode);

        Chrome.Click("#sign-out");
        Chrome.WaitForText("#signed-out", _ => true);

        var audit = await http.SendAsync(saved.Get("/audit"));
        Assert.Equal(HttpStatusCode.Redirect, audit.StatusCode);
        Assert.StartsWith("/login", audit.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var add = await http.SendAsync(saved.Post("/known-numbers?handler=Add", new() { ["Number"] = "13900139001", ["Kind"] = "fraud", ["Note"] = "replayed" }));
        Assert.NotEqual(HttpStatusCode.OK, add.StatusCode);
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM known_numbers WHERE value = '13900139001'"));
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM web_sessions"));
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_admin_on_the_server()
    {
        await ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
        var first = SavedForm();
        Chrome.Driver.Manage().Cookies.DeleteAllCookies();
        await ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
        Assert.Equal(2, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM web_sessions WHERE admin_id = @Admin", new { Admin }));
        using var http = NoRedirects();
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(first.Get("/"))).StatusCode);

        Chrome.Click("#sign-out-everywhere");

        Chrome.WaitForText("#signed-out", _ => true);
        Assert.Contains("signedOut=everywhere", Chrome.Url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await http.SendAsync(first.Get("/"))).StatusCode);
        Chrome.Open(new Uri(Bot.WebAddress, "/"));
        Chrome.WaitForText("#login-hint", _ => true);
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM web_sessions"));
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = 'web:logout-everywhere'", new { Admin }));
    }

    [Fact]
    public async Task Removing_an_admin_from_bot_admins_ends_their_sessions_at_the_next_start()
    {
        await ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
        var saved = SavedForm();
        var storage = Bot.Get<Microsoft.Extensions.Options.IOptions<Bot.Worker.Configuration.StorageOptions>>().Value.ConnectionString;
        await Bot.StopAsync();

        // The same database, restarted with someone else as the only admin.
        await using var restarted = await BotUnderTest.StartAsync(Provider, Server, s =>
        {
            s.Configuration["Storage:ConnectionString"] = storage;
            s.Configuration["Bot:Admins:0"] = "7999";
        });
        Assert.Equal(1, await restarted.ScalarAsync<int>("SELECT COUNT(*) FROM web_sessions WHERE admin_id = @Admin", new { Admin }));
        using var http = NoRedirects();

        var page = await http.SendAsync(saved.With(restarted.WebAddress).Get("/audit"));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(0, await restarted.ScalarAsync<int>("SELECT COUNT(*) FROM web_sessions WHERE admin_id = @Admin", new { Admin }));
    }

    [Fact]
    public async Task A_forged_host_is_refused_and_redirects_are_relative()
    {
        using var http = NoRedirects();
        using var forged = new HttpRequestMessage(HttpMethod.Get, new Uri(Bot.WebAddress, "/audit"));
        forged.Headers.Host = "evil.example";

        var refused = await http.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(refused.Headers.Location);
        var redirect = await http.GetAsync(new Uri(Bot.WebAddress, "/audit"));
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.False(redirect.Headers.Location!.IsAbsoluteUri, redirect.Headers.Location.OriginalString);
        Assert.StartsWith("/login", redirect.Headers.Location.OriginalString, StringComparison.Ordinal);
        // Health and metrics do not depend on the Host a probe sends.
        using var probe = new HttpRequestMessage(HttpMethod.Get, new Uri(Bot.WebAddress, "/healthz"));
        probe.Headers.Host = "10.1.2.3";
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(probe)).StatusCode);
    }

    [Fact]
    public async Task Statuses_say_what_happened_and_bad_filters_are_named_on_the_page()
    {
        await ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
        var saved = SavedForm();
        using var http = NoRedirects();

        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(saved.Get("/broadcasts/99999"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(saved.Get("/deadlines/occurrences/99999"))).StatusCode);
        var missing = await http.SendAsync(saved.Get("/no-such-page"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("(<span id=\"error-code\">404</span>)", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A form without its antiforgery token: 400, and the page says 400, not 500.
        Chrome.Driver.ExecuteScript("var f = document.querySelector('form.signout'); f.querySelector('input[name=__RequestVerificationToken]').remove(); f.submit();");
        Assert.Equal("400", Chrome.WaitForText("#error-code", _ => true));
        Assert.Contains("expired", Chrome.Text("#error-text"), StringComparison.Ordinal);

        Chrome.Open(new Uri(Bot.WebAddress, "/reports?state=bogus"));
        Assert.Contains("bogus", Chrome.WaitForText("#filter-problem", _ => true), StringComparison.Ordinal);
        Chrome.Open(new Uri(Bot.WebAddress, "/audit?from=2026-13-45"));
        Assert.Contains("2026-13-45", Chrome.WaitForText("#filter-problem", _ => true), StringComparison.Ordinal);
        Chrome.Open(new Uri(Bot.WebAddress, "/audit?from=2026-12-10&to=2026-12-01"));
        Assert.Contains("starts after it ends", Chrome.WaitForText("#filter-problem", _ => true), StringComparison.Ordinal);
        Chrome.Open(new Uri(Bot.WebAddress, "/audit?from=2026-12-01"));
        Chrome.WaitForText("h1", _ => true);
        Assert.Empty(Chrome.Driver.FindElements(By.CssSelector("#filter-problem")));
    }

    [Fact]
    public async Task Sign_in_guesses_are_limited_per_client_and_logged_without_the_token()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        const string guess = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        var statuses = new List<HttpStatusCode>();

        // A guess as a browser makes it: open the link (the form), post it. Both count: 20 requests a minute per client.
        for (var i = 0; i < 12; i++)
        {
            var form = await http.GetAsync(new Uri(Bot.WebAddress, $"/login?token={guess}"));
            statuses.Add(form.StatusCode);
            var html = await form.Content.ReadAsStringAsync();
            var antiforgery = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            statuses.Add((await http.PostAsync(new Uri(Bot.WebAddress, "/login"), new FormUrlEncodedContent(
                [new("token", guess), new("__RequestVerificationToken", antiforgery)]))).StatusCode);
        }

        Assert.Equal(Enumerable.Range(0, 10).SelectMany(_ => new[] { HttpStatusCode.OK, HttpStatusCode.Forbidden }), statuses.Take(20));
        Assert.All(statuses.Skip(20), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        var limited = await http.GetAsync(new Uri(Bot.WebAddress, "/login"));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        var lines = Bot.Logs.Events.Select(e => e.RenderMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(lines, l => l.Contains("sign-in refused", StringComparison.Ordinal) && l.Contains("unknown", StringComparison.Ordinal) && l.Contains("127.0.0.1", StringComparison.Ordinal));
        // Rate-limited lines: at most 10 a minute (10 refusals here), the 429s after them left out and counted.
        Assert.Equal(10, lines.Count(l => l.Contains("sign-in refused", StringComparison.Ordinal) || l.Contains("Too many requests", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains(guess, StringComparison.Ordinal));
        // The iCal feeds are limited the same way, per client.
        var feeds = new List<HttpStatusCode>();
        for (var i = 0; i < 32; i++)
        {
            feeds.Add((await http.GetAsync(new Uri(Bot.WebAddress, "/teams/netsec/calendar.ics?key=guess"))).StatusCode);
        }
        Assert.Equal(30, feeds.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(2, feeds.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    private static HttpClient NoRedirects() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

    /// <summary>The browser's cookies and the current page's antiforgery token, to replay by hand.</summary>
    private SavedSession SavedForm()
    {
        var cookies = string.Join("; ", Chrome.Driver.Manage().Cookies.AllCookies.Select(c => $"{c.Name}={c.Value}"));
        var token = Chrome.Driver.FindElements(By.CssSelector("input[name=__RequestVerificationToken]")).FirstOrDefault()?.GetAttribute("value") ?? "";
        return new SavedSession(Bot.WebAddress, cookies, token);
    }

    private sealed record SavedSession(Uri Base, string Cookies, string Token)
    {
        public SavedSession With(Uri other) => this with { Base = other };

        public HttpRequestMessage Get(string path)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Base, path));
            request.Headers.Add("Cookie", Cookies);
            return request;
        }

        public HttpRequestMessage Post(string path, Dictionary<string, string> form)
        {
            form["__RequestVerificationToken"] = Token;
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Base, path)) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Add("Cookie", Cookies);
            return request;
        }
    }
}

public sealed class ConsoleSecurityTestsOnSqlite() : ConsoleSecurityTests(StorageProvider.Sqlite);

public sealed class ConsoleSecurityTestsOnPostgres() : ConsoleSecurityTests(StorageProvider.Postgres);
