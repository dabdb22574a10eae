using System.Globalization;
using System.Net;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Worker.Hosting;
using Microsoft.Extensions.Time.Testing;
using Serilog.Events;

namespace Bot.Tests.Integration.Web;

/// <summary>
/// The web console in a real headless Chromium against the worker on the fake Bot API server: the
/// /web link signs an admin in once, within 10 minutes; the session cookie, antiforgery and sign-out.
/// </summary>
public abstract class ConsoleTests(StorageProvider provider) : ConsolePageTest(provider, Admin)
{
    private const long Admin = 4242;
    private const long User = 5151;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private protected override void Configure(WorkerHostSettings settings) => settings.TimeProvider = _clock;

    [Fact]
    public async Task The_link_from_web_signs_the_admin_in_once_and_the_dashboard_shows_and_refreshes_the_numbers()
    {
        await AskAsync(User, "/subscribe alerts");
        var link = await LinkAsync();

        Chrome.Open(link);

        Chrome.WaitForText("#subscribers tr[data-topic='alerts'] [data-field='total']", t => t == "1");
        Assert.EndsWith("/", new Uri(Chrome.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(Admin.ToString(CultureInfo.InvariantCulture), Chrome.Text("#signed-in-as"), StringComparison.Ordinal);
        // Every reply so far was sent: the outbox rows of the last 24 h count them.
        Assert.NotEqual("0", Chrome.Text("#deliveries tr[data-state='sent'] [data-field='day']"));
        Assert.Equal("0", Chrome.Text("#queue tr[data-priority='alert'] [data-field='ready']"));
        Chrome.Screenshot("dashboard");

        // The page refreshes itself: a second subscriber appears without a reload.
        await AskAsync(User + 1, "/subscribe alerts");
        Chrome.WaitForText("#subscribers tr[data-topic='alerts'] [data-field='total']", t => t == "2");

        var session = Chrome.Cookie("bot_session");
        Assert.NotNull(session);
        Assert.True(session.IsHttpOnly);
        Assert.Equal("Strict", session.SameSite);
        Assert.False(session.Secure); // Web:PublicUrl is http here; see the unit test for https.
        Assert.Null(session.Expiry); // Ends with the browser; the ticket inside also expires.
        // Page views with a form (sign-out) log nothing: the pages' cache headers are what antiforgery wants.
        Assert.DoesNotContain(Bot.Logs.Events, e => e.Level >= LogEventLevel.Warning
            && e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("Antiforgery", StringComparison.Ordinal));

        // The same link again: refused with a clear page, and the attempt audited.
        Chrome.Driver.Manage().Cookies.DeleteAllCookies();
        Chrome.Open(link);
        Assert.Contains("already used", Chrome.WaitForText("#login-problem", _ => true), StringComparison.Ordinal);
        Assert.Null(Chrome.Cookie("bot_session"));

        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = '/web' AND allowed = 1", new { Admin }));
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = 'web:login' AND allowed = 1", new { Admin }));
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = 'web:login' AND allowed = 0", new { Admin }));
        // Only the hash is stored, and no log line holds the token.
        var token = TokenOf(link);
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM web_logins WHERE token_hash = @token", new { token }));
        Assert.DoesNotContain(Bot.Logs.Events, e => e.RenderMessage(CultureInfo.InvariantCulture).Contains(token, StringComparison.Ordinal)
            || e.Properties.Values.Any(v => v.ToString().Contains(token, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_link_opened_after_ten_minutes_is_refused()
    {
        var link = await LinkAsync();
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Chrome.Open(link);

        Assert.Contains("expired", Chrome.WaitForText("#login-problem", _ => true), StringComparison.Ordinal);
        Chrome.Open(new Uri(Bot.WebAddress, "/"));
        Chrome.WaitForText("#login-hint", t => t.Contains("/web", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_non_admin_asking_for_a_link_is_refused_and_gets_none()
    {
        var reply = await AskAsync(User, "/web");

        Assert.Contains("/web", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", reply.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @User AND action = '/web' AND allowed = 0", new { User }));
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM web_logins"));
    }

    [Fact]
    public async Task Without_a_session_a_page_shows_how_to_sign_in()
    {
        Chrome.Open(new Uri(Bot.WebAddress, "/audit"));

        Chrome.WaitForText("#login-hint", t => t.Contains("/web", StringComparison.Ordinal));
        Assert.Equal("/login", new Uri(Chrome.Url).AbsolutePath);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var fragment = await http.GetAsync(new Uri(Bot.WebAddress, "/?handler=fragment"));
        Assert.Equal(HttpStatusCode.Unauthorized, fragment.StatusCode);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_sign_out_ends_the_session()
    {
        await SignInAsync();
        var session = Chrome.Cookie("bot_session")!;
        var antiforgery = Chrome.Cookie("bot_antiforgery")!;
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(Bot.WebAddress, "/logout")) { Content = new FormUrlEncodedContent([]) };
        post.Headers.Add("Cookie", $"{session.Name}={session.Value}; {antiforgery.Name}={antiforgery.Value}");

        var refused = await http.SendAsync(post);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Chrome.Open(new Uri(Bot.WebAddress, "/"));
        Chrome.WaitForText("#signed-in-as", _ => true); // Still signed in.
        Assert.Equal(0, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE action = 'web:logout'"));

        Chrome.Click("#sign-out");

        Chrome.WaitForText("#signed-out", _ => true);
        Assert.Null(Chrome.Cookie("bot_session"));
        Chrome.Open(new Uri(Bot.WebAddress, "/"));
        Chrome.WaitForText("#login-hint", _ => true);
        Assert.Equal(1, await Bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @Admin AND action = 'web:logout' AND allowed = 1", new { Admin }));
        // The old cookie, replayed after sign-out, is still a valid ticket until it expires: the browser dropped it.
    }

    [Fact]
    public async Task The_audit_log_page_filters_by_admin_action_and_date_in_the_admins_language()
    {
        await AskAsync(Admin, "/lang zh-Hant");
        await AskAsync(User, "/stats");
        await SignInAsync();
        Assert.Equal("概覽", Chrome.Text("main h1"));

        Chrome.Open(new Uri(Bot.WebAddress, "/audit?action=web%3Alogin"));
        Chrome.WaitForText("#audit", t => t.Contains("web:login", StringComparison.Ordinal));
        Assert.All(Chrome.Driver.FindElements(OpenQA.Selenium.By.CssSelector("#audit [data-field='action']")), e => Assert.Equal("web:login", e.Text));
        Chrome.Screenshot("audit");

        Chrome.Open(new Uri(Bot.WebAddress, $"/audit?admin={User}"));
        Chrome.WaitForText("#audit", t => t.Contains("/stats", StringComparison.Ordinal));
        Assert.All(Chrome.Driver.FindElements(OpenQA.Selenium.By.CssSelector("#audit [data-field='admin']")), e => Assert.Equal(User.ToString(CultureInfo.InvariantCulture), e.Text));

        var tomorrow = _clock.GetUtcNow().AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Chrome.Open(new Uri(Bot.WebAddress, $"/audit?from={tomorrow}"));
        Chrome.WaitForText("#audit-none", _ => true);
    }

    private async Task SignInAsync()
    {
        Chrome.Open(await LinkAsync());
        Chrome.WaitForText("#signed-in-as", _ => true);
    }

    private async Task<Uri> LinkAsync()
    {
        var link = await ConsoleSignIn.LinkAsync(Server, Admin);
        Assert.Equal(Bot.WebAddress.Authority, link.Authority);
        return link;
    }

    private static string TokenOf(Uri link) => link.Query[(link.Query.IndexOf("token=", StringComparison.Ordinal) + 6)..];

    private Task<SentMessage> AskAsync(long user, string text) => ConsoleSignIn.AskAsync(Server, user, text);
}

public sealed class ConsoleTestsOnSqlite() : ConsoleTests(StorageProvider.Sqlite);

public sealed class ConsoleTestsOnPostgres() : ConsoleTests(StorageProvider.Postgres);
