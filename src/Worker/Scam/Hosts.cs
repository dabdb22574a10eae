namespace Bot.Worker.Scam;

/// <summary>The host of a link as a browser would open it (lower case, no scheme, user info, port or path).</summary>
internal static class Hosts
{
    public static string? FromLink(string link)
    {
        var s = link.Trim();
        var scheme = s.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            s = s[(scheme + 3)..];
        }
        var end = s.IndexOfAny(['/', '?', '#', '\\']);
        if (end >= 0)
        {
            s = s[..end];
        }
        // "https://www.icbc.com.cn@evil.top/" opens evil.top.
        var at = s.LastIndexOf('@');
        if (at >= 0)
        {
            s = s[(at + 1)..];
        }
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            s = s[..colon];
        }
        s = s.TrimEnd('.', ',', ';', '!', '?').ToLowerInvariant();
        return s.Length > 0 && s.Contains('.', StringComparison.Ordinal) ? s : null;
    }

    /// <summary>The host without a leading "www." (shortener lists name the bare host).</summary>
    public static string Bare(string host) => host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
}
