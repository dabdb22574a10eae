using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Bot.Worker.Web.Console;

/// <summary>
/// The console's pipeline, after /healthz, /readyz and /metrics: only the configured host names (a forged Host header
/// never shapes a redirect), headers, the shipped assets, then the pages behind the session cookie.
/// </summary>
internal sealed class ConsoleEndpoints : IStartupFilter
{
    public static readonly PathString AssetsPath = "/assets";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseHostFiltering();
        app.UseMiddleware<HttpsOnlyConsole>();
        app.UseMiddleware<SecurityHeaders>();
        // CSS and JS ship inside the assembly (Web/Assets): no CDN, nothing to copy next to the binary.
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(ConsoleEndpoints).Assembly, "Bot.Worker.Web.Assets"),
            RequestPath = AssetsPath,
        });
        app.UseStatusCodePagesWithReExecute("/error");
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEndpoints(endpoints => endpoints.MapRazorPages());
        next(app);
    };
}
