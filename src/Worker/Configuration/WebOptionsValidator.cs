using Microsoft.Extensions.Options;

namespace Bot.Worker.Configuration;

/// <summary>Web:Urls and Web:OpsUrls must list absolute http(s) URLs (none in both); Web:PublicUrl is empty or one; Web:KnownProxies lists addresses or networks.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var failures = new List<string>();
        var urls = options.UrlList;
        if (options.Enabled && urls.Count == 0)
        {
            failures.Add("Web:Urls must name at least one URL such as http://127.0.0.1:8080 (or set Web:Enabled=false)");
        }
        foreach (var url in urls.Where(u => !IsHttpUrl(u)))
        {
            failures.Add($"Web:Urls '{url}' is not an absolute http(s) URL with a host and port, such as http://127.0.0.1:8080");
        }
        if (options.PublicUrl.Length > 0 && !IsHttpUrl(options.PublicUrl))
        {
            failures.Add($"Web:PublicUrl '{options.PublicUrl}' is not an absolute http(s) URL");
        }
        foreach (var url in options.OpsUrlList.Where(u => !IsHttpUrl(u)))
        {
            failures.Add($"Web:OpsUrls '{url}' is not an absolute http(s) URL with a host and port, such as http://127.0.0.1:9090");
        }
        // Port 0 (any free port) twice is two listeners; the same fixed port twice cannot be.
        foreach (var url in options.OpsUrlList.Intersect(urls, StringComparer.OrdinalIgnoreCase).Where(u => !u.TrimEnd('/').EndsWith(":0", StringComparison.Ordinal)))
        {
            failures.Add($"Web:OpsUrls '{url}' is also in Web:Urls: the operations listener needs an address of its own (or leave Web:OpsUrls empty)");
        }
        foreach (var proxy in options.KnownProxyList.Where(p => !System.Net.IPAddress.TryParse(p, out _) && !System.Net.IPNetwork.TryParse(p, out _)))
        {
            failures.Add($"Web:KnownProxies '{proxy}' is neither an IP address (127.0.0.1, ::1) nor a network (10.0.0.0/8)");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Kestrel also accepts http://*:8080 and http://+:8080, which Uri does not parse: allow them.
    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
