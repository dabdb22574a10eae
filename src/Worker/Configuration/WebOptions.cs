namespace Bot.Worker.Configuration;

/// <summary>The <c>Web</c> configuration section: the worker's own HTTP server (console, health, metrics, webhook, feeds).</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    public const string DefaultUrls = "http://127.0.0.1:8080";

    /// <summary>Serve HTTP at all; false leaves no port open.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Kestrel listens: one or more absolute http(s) URLs separated by ';' (port 0: any free port).</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>The base URL put in links the bot sends; empty means the first of <see cref="Urls"/>.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Proxies (addresses, or networks such as 10.0.0.0/8) whose X-Forwarded-Proto/Host/For are believed, ';'-separated.</summary>
    public string KnownProxies { get; set; } = "127.0.0.1;::1";

    /// <summary>A separate listener for /healthz, /readyz and /metrics; empty: they share <see cref="Urls"/> with the console.</summary>
    public string OpsUrls { get; set; } = "";

    public IReadOnlyList<string> UrlList => Split(Urls);

    public IReadOnlyList<string> OpsUrlList => Split(OpsUrls);

    public IReadOnlyList<string> KnownProxyList => Split(KnownProxies);

    public string EffectivePublicUrl => PublicUrl.Length > 0 ? PublicUrl : UrlList is [var first, ..] ? first : DefaultUrls;

    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
