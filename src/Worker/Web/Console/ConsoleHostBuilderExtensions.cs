using Bot.Worker.Configuration;
using Bot.Worker.WebLogin;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
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
        services.AddHostedService<KeyRingWarmUp>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<WebOptions>, DatabaseTicketStore>((o, web, sessions) =>
            {
                // The cookie holds a session key; the session lives in the database, where sign-out ends it for every node.
                o.SessionStore = sessions;
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
                    // Removed from Bot:Admins: the next request is signed out, and every session of theirs ends.
                    OnValidatePrincipal = async context =>
                    {
                        var services = context.HttpContext.RequestServices;
                        var admin = ConsoleViewer.AdminOf(context.Principal!);
                        if (admin is { } id && services.GetRequiredService<WebLoginService>().MayUseConsole(id))
                        {
                            return;
                        }
                        context.RejectPrincipal();
                        if (admin is { } former)
                        {
                            await services.GetRequiredService<WebSessions>().EndAllOfAsync(former, context.HttpContext.RequestAborted);
                        }
                    },
                    // A page's background refresh gets 401, not the sign-in page's HTML. Redirects are relative: the
                    // handler builds them from the request's Host, which a client chooses.
                    OnRedirectToLogin = context =>
                    {
                        if (context.Request.Query.ContainsKey("handler"))
                        {
                            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        }
                        else
                        {
                            context.Response.Redirect(Relative(context.RedirectUri));
                        }
                        return Task.CompletedTask;
                    },
                    OnRedirectToAccessDenied = context =>
                    {
                        context.Response.Redirect(Relative(context.RedirectUri));
                        return Task.CompletedTask;
                    },
                    OnRedirectToLogout = context =>
                    {
                        context.Response.Redirect(Relative(context.RedirectUri));
                        return Task.CompletedTask;
                    },
                    OnRedirectToReturnUrl = context =>
                    {
                        context.Response.Redirect(Relative(context.RedirectUri));
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

    /// <summary>The path and query of a redirect the cookie handler made absolute with the request's Host.</summary>
    private static string Relative(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : uri;

    /// <summary>Secure cookies when people reach the console over https (Web:PublicUrl), even behind a proxy that speaks http to us.</summary>
    private static CookieSecurePolicy SecurePolicy(WebOptions web) =>
        web.PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
}
