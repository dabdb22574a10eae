using Bot.Worker.Configuration;

namespace Bot.Worker.Web;

/// <summary>
/// The host names the console answers to: Web:PublicUrl's, Web:Urls' and the webhook's, and this machine's loopback
/// names. A request naming any other host (Host: evil.example) is refused before it can shape a redirect. When Kestrel
/// listens on every address and no public URL is set, there is nothing to check against: every host is allowed ("*").
/// </summary>
internal static class ConsoleHosts
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    public static IReadOnlyList<string> Allowed(WebOptions web, TelegramOptions telegram)
    {
        var urls = web.PublicUrl.Length > 0 ? [web.PublicUrl] : web.UrlList;
        var hosts = urls.Select(HostOf).ToList();
        if (hosts.Any(h => h is null or "*" or "+" or "0.0.0.0" or "[::]"))
        {
            return ["*"];
        }
        if (web.PublicUrl.Length > 0)
        {
            hosts.AddRange(web.UrlList.Select(HostOf).Where(h => h is not (null or "*" or "+" or "0.0.0.0" or "[::]")));
        }
        hosts.Add(HostOf(telegram.WebhookUrl));
        return [.. hosts.Concat(Loopback).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    // "http://*:8080" and "http://+:8080" are not URIs to Uri; their host is read by hand.
    private static string? HostOf(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        var rest = url[(start + 3)..];
        if (rest.StartsWith('*') || rest.StartsWith('+'))
        {
            return rest[..1];
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? (uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.Host.Trim('[', ']')}]" : uri.Host)
            : null;
    }
}
