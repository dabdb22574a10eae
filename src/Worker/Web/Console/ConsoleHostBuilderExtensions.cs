using Bot.Worker.Configuration;
using Bot.Worker.WebLogin;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Web.Console;

public static class ConsoleHostBuilderExtensions
{
    public const string SessionCookie = "bot_session";
    public const string AntiforgeryCookie = "bot_antiforgery";
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// The web console: Razor Pages under Web/Pages, a session cookie set only by a /web link, antiforgery
    /// on every form, and the data protection keys that sign both kept in the database (any node reads them).
    /// </summary>
    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Web/Pages";
                // Every page needs a signed-in admin unless it says [AllowAnonymous]. Not a fallback policy: that
                // would also send any unknown path (or the webhook path in polling mode) to the sign-in page, not 404.
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.ServiceFilterAttribute(typeof(ConsoleViewerFilter)));
            })
            // The pages are compiled into this assembly; the entry assembly is a test host under tests.
            .AddApplicationPart(typeof(ConsoleHostBuilderExtensions).Assembly);
        services.AddScoped<ConsoleViewer>();
        services.AddScoped<ConsoleViewerFilter>();

        services.AddDataProtection().SetApplicationName("Bot.Worker");
        services.AddSingleton<DataProtectionKeyStore>();
        services.AddOptions<KeyManagementOptions>().Configure<DataProtectionKeyStore>((o, store) =>
        {
            o.XmlRepository = new DatabaseXmlRepository(store);
            // Stored as is: whoever reads the database can already do more than forge a session (DECISIONS.md).
            o.XmlEncryptor = new NullXmlEncryptor();
        });

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<WebOptions>>((o, web) =>
            {
                o.Cookie.Name = SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = SecurePolicy(web.Value);
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/login";
                o.ExpireTimeSpan = SessionLifetime;
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    // Removed from Bot:Admins: the next request is signed out.
                    OnValidatePrincipal = context =>
                    {
                        var logins = context.HttpContext.RequestServices.GetRequiredService<WebLoginService>();
                        if (ConsoleViewer.AdminOf(context.Principal!) is not { } id || !logins.MayUseConsole(id))
                        {
                            context.RejectPrincipal();
                        }
                        return Task.CompletedTask;
                    },
                    // A page's background refresh gets 401, not the sign-in page's HTML.
                    OnRedirectToLogin = context =>
                    {
                        if (context.Request.Query.ContainsKey("handler"))
                        {
                            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        }
                        else
                        {
                            context.Response.Redirect(context.RedirectUri);
                        }
                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorization();
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<WebOptions>>((o, web) =>
        {
            o.Cookie.Name = AntiforgeryCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = SecurePolicy(web.Value);
        });
        services.AddSingleton<IStartupFilter, ConsoleEndpoints>();
        return services;
    }

    /// <summary>Secure cookies when people reach the console over https (Web:PublicUrl), even behind a proxy that speaks http to us.</summary>
    private static CookieSecurePolicy SecurePolicy(WebOptions web) =>
        web.PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
