using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Channels;

/// <summary>
/// Each <c>Channels:Robots:{name}</c> needs a Kind, an absolute http(s) Url with the app's key or token in it, a
/// Secret only where the app signs, and a PerMinute within the app's own limit. Messages name the key; they show a
/// URL only masked and never the secret. A Kind the binder could not read (<c>Slack</c>) would drop the robot from the
/// bound options without a word, so the configuration itself is read for it too.
/// </summary>
internal sealed partial class ChannelsOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<ChannelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelsOptions options)
    {
        var failures = new List<string>();
        var unreadable = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in configuration?.GetSection($"{ChannelsOptions.Section}:Robots").GetChildren() ?? [])
        {
            if (child["Kind"] is { Length: > 0 } raw && (!Enum.TryParse<RobotKind>(raw, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || raw.Trim().All(char.IsAsciiDigit)))
            {
                failures.Add($"{ChannelsOptions.Section}:Robots:{child.Key}:Kind '{raw}' is not a robot kind: write WeCom, DingTalk or Feishu");
                unreadable.Add(child.Key);
            }
        }
        foreach (var (robotName, robot) in options.Robots)
        {
            if (unreadable.Contains(robotName))
            {
                continue;
            }
            var key = $"{ChannelsOptions.Section}:Robots:{robotName}";
            if (!RobotName().IsMatch(robotName))
            {
                failures.Add($"{key}: a robot's name is 1-64 of A-Z a-z 0-9 _ - (it is used in idempotency keys and ack links)");
            }
            if (robot.Kind is not { } kind)
            {
                failures.Add($"{key}:Kind must be WeCom, DingTalk or Feishu");
                continue;
            }
            if (UrlProblem(kind, robot.Url) is { } problem)
            {
                failures.Add($"{key}:Url {problem}");
            }
            if (kind == RobotKind.WeCom && robot.Secret.Length > 0)
            {
                failures.Add($"{key}:Secret must be empty: WeCom robots are not signed (the key in the URL is their secret)");
            }
            var max = RobotOptions.DefaultPerMinute(kind);
            if (robot.PerMinute is { } perMinute && (perMinute < 1 || perMinute > max))
            {
                failures.Add($"{key}:PerMinute must be between 1 and {max}, {kind}'s own limit");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? UrlProblem(RobotKind kind, string url)
    {
        if (url.Length == 0)
        {
            return "must be set: the webhook URL the app shows for the robot";
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "is not an absolute http(s) URL";
        }
        var masked = WebhookUrls.Mask(url);
        return kind switch
        {
            RobotKind.WeCom when !HasQuery(uri, "key") => $"'{masked}' has no key=...: copy the whole webhook URL WeCom shows (…/cgi-bin/webhook/send?key=…)",
            RobotKind.DingTalk when !HasQuery(uri, "access_token") => $"'{masked}' has no access_token=...: copy the whole webhook URL DingTalk shows (…/robot/send?access_token=…)",
            RobotKind.Feishu when uri.Segments.Length < 2 || uri.Segments[^1].Trim('/').Length == 0 => $"'{masked}' has no token: copy the whole webhook URL Feishu shows (…/open-apis/bot/v2/hook/…)",
            _ => null,
        };
    }

    private static bool HasQuery(Uri uri, string name) =>
        uri.Query.TrimStart('?').Split('&').Any(p => p.StartsWith(name + "=", StringComparison.Ordinal) && p.Length > name.Length + 1);

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex RobotName();
}
