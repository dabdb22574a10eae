using System.Net;
using Bot.Worker.Configuration;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Bot.Worker.Web;

/// <summary>
/// Kestrel's listeners: the console's on Web:Urls, and with Web:OpsUrls a second one that alone serves /healthz,
/// /readyz and /metrics (a proxy publishes the console; the operations listener stays internal). A connection to the
/// operations listener is marked when it is accepted, so a request knows which listener it came in on.
/// </summary>
internal static class WebListeners
{
    private const string OpsItem = "bot.ops-listener";

    public static void Listen(KestrelServerOptions kestrel, WebOptions web)
    {
        foreach (var url in web.UrlList)
        {
            Bind(kestrel, url, ops: false);
        }
        foreach (var url in web.OpsUrlList)
        {
            Bind(kestrel, url, ops: true);
        }
    }

    /// <summary>True when the request came in on a Web:OpsUrls listener.</summary>
    public static bool IsOps(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.ContainsKey(OpsItem) == true;

    // The forms Web:Urls takes (as ASP.NET Core's URLs do): an IP address, localhost, or * / + / a name for every address.
    private static void Bind(KestrelServerOptions kestrel, string url, bool ops)
    {
        var address = BindingAddress.Parse(url);
        void Configure(ListenOptions listen)
        {
            if (ops)
            {
                listen.Use(next => connection =>
                {
                    connection.Items[OpsItem] = true;
                    return next(connection);
                });
            }
            if (address.Scheme == Uri.UriSchemeHttps)
            {
                listen.UseHttps();
            }
        }
        if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            kestrel.ListenLocalhost(address.Port, Configure);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, Configure);
        }
        else
        {
            kestrel.ListenAnyIP(address.Port, Configure);
        }
    }
}
