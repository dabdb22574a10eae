using System.Globalization;
using Bot.FakeTelegram;
using Bot.Tests.Integration.Support;

namespace Bot.Tests.Integration.Web;

/// <summary>
/// The README's recommended set-up: Debian's nginx terminating TLS (a certificate made by openssl) in front of the worker,
/// Web:PublicUrl=https://... A browser signs in through the proxy with the /web link and approves an alert there; the
/// cookies are Secure, no page answers 500, and the alert goes out. A plain-http request to a console whose public URL is
/// https is told where the console is instead of failing.
/// </summary>
public sealed class TlsProxyTests : IAsyncLifetime
{
    private const long AdminA = 7601, AdminB = 7602, Subscriber = 7603;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private FakeBotApiServer _server = null!;
    private BotUnderTest _bot = null!;
    private NginxTlsProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        var port = NginxTlsProxy.FreePort();
        _server = await FakeBotApiServer.StartAsync();
        _bot = await BotUnderTest.StartAsync(_server, s =>
        {
            s.Configuration["Bot:Admins:0"] = AdminA.ToString(CultureInfo.InvariantCulture);
            s.Configuration["Bot:Admins:1"] = AdminB.ToString(CultureInfo.InvariantCulture);
            s.Configuration["Web:PublicUrl"] = $"https://127.0.0.1:{port}";
        });
        _proxy = await NginxTlsProxy.StartAsync(port, _bot.WebAddress);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _bot.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_signs_in_through_the_tls_proxy_and_approves_an_alert_there()
    {
        await ConsoleSignIn.AskAsync(_server, Subscriber, "/subscribe alerts");
        await ConsoleSignIn.AskAsync(_server, AdminA, "/broadcast alerts\nFake parcel texts are going round: do not click.");
        var id = await _bot.ScalarAsync<long>("SELECT id FROM broadcasts");
        using var chrome = Browser.Start(acceptInsecureCertificates: true);

        var link = await ConsoleSignIn.LinkAsync(_server, AdminB);
        Assert.Equal(_proxy.Url.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        chrome.Open(link);
        chrome.WaitForText("#signed-in-as", _ => true);

        var session = chrome.Cookie("bot_session");
        Assert.NotNull(session);
        Assert.True(session.Secure);
        Assert.True(chrome.Cookie("bot_antiforgery")!.Secure);
        chrome.Open(new Uri(_proxy.Url, "/broadcasts"));
        chrome.Click($"#broadcasts tr[data-id='{id}'] a");
        chrome.Click("#approve");
        Assert.Contains("Approved", chrome.WaitForText("#decision", _ => true), StringComparison.Ordinal);
        Assert.StartsWith(_proxy.Url.GetLeftPart(UriPartial.Authority), chrome.Url, StringComparison.Ordinal);

        var alert = await _server.WaitForMessageAsync(m => m.ChatId == Subscriber && m.VisibleText.Contains("Fake parcel", StringComparison.Ordinal), Wait);
        Assert.NotNull(alert);
        Assert.Equal(1, await _bot.ScalarAsync<int>("SELECT COUNT(*) FROM audit_log WHERE user_id = @AdminB AND action = '/approve' AND allowed = 1", new { AdminB }));
        Assert.DoesNotContain(_bot.Logs.Events, e => e.Level >= Serilog.Events.LogEventLevel.Error);
    }

    [Fact]
    public async Task Plain_http_to_a_console_whose_public_url_is_https_is_told_where_the_console_is()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var direct = await http.GetAsync(new Uri(_bot.WebAddress, "/login"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, direct.StatusCode);
        Assert.Contains(_proxy.Url.GetLeftPart(UriPartial.Authority), await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Health and metrics stay plain http for probes and scrapers.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(_bot.WebAddress, "/healthz"))).StatusCode);
    }
}
