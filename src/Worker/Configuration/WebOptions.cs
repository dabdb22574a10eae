namespace Bot.Worker.Configuration;

/// <summary>The <c>Web</c> configuration section: the worker's own HTTP server (health, metrics, later the console).</summary>
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

    public IReadOnlyList<string> UrlList => Split(Urls);

    public string EffectivePublicUrl => PublicUrl.Length > 0 ? PublicUrl : UrlList is [var first, ..] ? first : DefaultUrls;

    public static IReadOnlyList<string> Split(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
