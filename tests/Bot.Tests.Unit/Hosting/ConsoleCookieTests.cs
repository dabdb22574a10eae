using Bot.Worker.Hosting;
using Bot.Worker.Web.Console;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Unit.Hosting;

/// <summary>The console's cookies: HttpOnly and SameSite=Strict always, Secure when Web:PublicUrl is https.</summary>
public sealed class ConsoleCookieTests
{
    [Theory]
    [InlineData("https://bot.example.org", CookieSecurePolicy.Always)]
    [InlineData("http://10.0.0.5:8080", CookieSecurePolicy.SameAsRequest)]
    [InlineData("", CookieSecurePolicy.SameAsRequest)]
    public void Cookies_are_secure_when_the_public_url_is_https(string publicUrl, CookieSecurePolicy expected)
    {
        var settings = new WorkerHostSettings { ContentRoot = Path.GetTempPath() };
        settings.Configuration["Web:PublicUrl"] = publicUrl;
        settings.Configuration["Logging:File:Path"] = "";
        using var host = WorkerHost.CreateBuilder([], settings).Build();

        var session = host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie;
        var antiforgery = host.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie;

        foreach (var cookie in new[] { session, antiforgery })
        {
            Assert.True(cookie.HttpOnly);
            Assert.Equal(SameSiteMode.Strict, cookie.SameSite);
            Assert.Equal(expected, cookie.SecurePolicy);
        }
        Assert.Equal(ConsoleHostBuilderExtensions.SessionCookie, session.Name);
    }
}
