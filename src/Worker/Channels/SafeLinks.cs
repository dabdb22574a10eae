namespace Bot.Worker.Channels;

/// <summary>Which link targets other channels get as links: absolute http, https and mailto. Anything else (tg:, javascript:) stays text.</summary>
internal static class SafeLinks
{
    public static string? Check(string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(href.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }
        return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto
            ? uri.AbsoluteUri
            : null;
    }
}
