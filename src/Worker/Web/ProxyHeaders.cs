using System.Net;
using Bot.Worker.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Bot.Worker.Web;

/// <summary>
/// Which X-Forwarded-* headers are believed, and from whom: Proto, Host and For, from the proxies in Web:KnownProxies
/// only (default: this machine), one hop. A TLS proxy in front of Kestrel then makes the request https, as the browser
/// sent it (the Secure cookies need that); anybody else's X-Forwarded-* is ignored.
/// </summary>
internal static class ProxyHeaders
{
    public static void Configure(ForwardedHeadersOptions o, WebOptions web, IReadOnlyList<string> allowedHosts)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in web.KnownProxyList)
        {
            if (IPAddress.TryParse(proxy, out var address))
            {
                o.KnownProxies.Add(address);
            }
            else
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        }
        if (!allowedHosts.Contains("*"))
        {
            foreach (var host in allowedHosts)
            {
                o.AllowedHosts.Add(host);
            }
        }
    }
}
