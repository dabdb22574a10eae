using System.Net;
using System.Text.RegularExpressions;

namespace Bot.Tests.Integration.Channels;

/// <summary>A browser as far as an ack link needs one: cookies, GET a link, POST its page's form with the antiforgery token.</summary>
internal sealed partial class AckClient : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });

    /// <summary>The last page's antiforgery token (a form posts it).</summary>
    public string? FormToken { get; private set; }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string link)
    {
        using var response = await _http.GetAsync(new Uri(link));
        var html = await response.Content.ReadAsStringAsync();
        if (FormTokenPattern().Match(html) is { Success: true } token)
        {
            FormToken = token.Groups[1].Value;
        }
        return (response.StatusCode, html);
    }

    /// <summary>Posts the page's form: <paramref name="person"/> for a robot's link, <paramref name="reason"/> for an extension.</summary>
    public async Task<(HttpStatusCode Status, string Html)> PostAsync(string link, long? person = null, string? reason = null)
    {
        var fields = new Dictionary<string, string> { ["__RequestVerificationToken"] = FormToken ?? "" };
        if (person is { } p)
        {
            fields["person"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (reason is not null)
        {
            fields["reason"] = reason;
        }
        using var content = new FormUrlEncodedContent(fields);
        using var response = await _http.PostAsync(new Uri(link), content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The ack links in an email's HTML part or a robot's markdown, by their text.</summary>
    public static Dictionary<string, string> Links(string text)
    {
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in HtmlLink().Matches(text))
        {
            links[WebUtility.HtmlDecode(m.Groups["text"].Value).Trim()] = WebUtility.HtmlDecode(m.Groups["url"].Value);
        }
        foreach (Match m in MarkdownLink().Matches(text))
        {
            links[m.Groups["text"].Value.Trim()] = m.Groups["url"].Value;
        }
        return links;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    [GeneratedRegex("<a [^>]*href=\"(?<url>[^\"]+/ack/[^\"]+)\"[^>]*>(?<text>[^<]+)</a>")]
    private static partial Regex HtmlLink();

    [GeneratedRegex(@"\[(?<text>[^\]]+)\]\((?<url>[^)\s]+/ack/[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
