using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Worker.Channels;

/// <summary>
/// Hides what is secret in a robot's webhook URL: every query value (WeCom <c>key=</c>, DingTalk <c>access_token=</c>),
/// a token in the path (Feishu <c>/hook/{token}</c>) and any user info. <see cref="Mask"/> is the only form a URL may
/// be printed in; <see cref="Redact"/> cleans any other text (an exception message) of those values.
/// </summary>
internal static partial class WebhookUrls
{
    public const string MaskText = "***";

    public static string Mask(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return MaskText;
        }
        var sb = new StringBuilder().Append(uri.Scheme).Append("://");
        if (uri.UserInfo.Length > 0)
        {
            sb.Append(MaskText).Append('@');
        }
        var segments = uri.AbsolutePath.Split('/');
        sb.Append(uri.Authority).AppendJoin('/', segments.Select((s, i) => IsPathToken(segments, i) ? MaskText : s));
        if (uri.Query.Length > 1)
        {
            sb.Append('?').AppendJoin('&', uri.Query[1..].Split('&').Select(p => p.Contains('=', StringComparison.Ordinal) ? p[..(p.IndexOf('=', StringComparison.Ordinal) + 1)] + MaskText : MaskText));
        }
        return sb.ToString();
    }

    /// <summary>The secret values in a webhook URL, raw and as they appear percent-encoded.</summary>
    public static IReadOnlyList<string> Secrets(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url.Length > 0 ? [url] : [];
        }
        var secrets = new List<string>();
        var segments = uri.AbsolutePath.Split('/');
        secrets.AddRange(segments.Where((_, i) => IsPathToken(segments, i)));
        if (uri.Query.Length > 1)
        {
            secrets.AddRange(uri.Query[1..].Split('&').Select(p => p.Contains('=', StringComparison.Ordinal) ? p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..] : p));
        }
        if (uri.UserInfo.Length > 0)
        {
            secrets.Add(uri.UserInfo);
        }
        return [.. secrets.Concat(secrets.Select(Uri.UnescapeDataString)).Where(s => s.Length >= 4).Distinct()];
    }

    public static string Redact(string text, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets.Where(s => s.Length >= 4).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, MaskText, StringComparison.Ordinal);
        }
        return text;
    }

    // The segment after "hook" (Feishu), or any long segment with a digit: a token, not a route name like "send".
    private static bool IsPathToken(string[] segments, int index) =>
        segments[index].Length > 0
        && ((index > 0 && segments[index - 1].Equals("hook", StringComparison.OrdinalIgnoreCase)) || TokenLike().IsMatch(segments[index]));

    [GeneratedRegex(@"^(?=.*[0-9])[A-Za-z0-9_.~%-]{16,}$")]
    private static partial Regex TokenLike();
}
