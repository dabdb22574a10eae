using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Worker.Web;

/// <summary><c>/healthz</c> (the process runs) and <c>/readyz</c> (database and scheduler), as plain text.</summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IApplicationBuilder UseHealthEndpoints(this IApplicationBuilder app) => app
        .UseHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
        .UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });

    // One line per part, "database: Healthy (answers)" / "database: Unhealthy (...)", the overall status first.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var text = new StringBuilder().Append(report.Status).Append('\n');
        foreach (var (name, entry) in report.Entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {entry.Status}");
            if (!string.IsNullOrEmpty(entry.Description))
            {
                text.Append(CultureInfo.InvariantCulture, $" ({entry.Description})");
            }
            text.Append('\n');
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text.ToString());
    }
}
