using System.Text.RegularExpressions;

namespace Bot.Worker.Scam;

/// <summary>
/// Finds phone numbers, QQ and WeChat ids and links in a prepared message (NFKC, Traditional folded).
/// Earlier kinds win where matches overlap (a number inside a link is part of the link).
/// </summary>
internal static partial class EntityExtractor
{
    private const int MaxEntities = 50;
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    public static IReadOnlyList<ScamEntity> Extract(string text)
    {
        var taken = new List<(int Start, int End)>();
        var found = new List<ScamEntity>();
        void Add(Regex regex, Func<Match, ScamEntity?> make, int group = 0)
        {
            try
            {
                foreach (Match m in regex.Matches(text))
                {
                    var g = m.Groups[group];
                    if (found.Count >= MaxEntities || taken.Any(t => g.Index < t.End && t.Start < g.Index + g.Length))
                    {
                        continue;
                    }
                    if (make(m) is { } entity && !found.Contains(entity))
                    {
                        found.Add(entity);
                    }
                    taken.Add((g.Index, g.Index + g.Length));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological input: keep what was found so far.
            }
        }
        Add(Link(), m => Hosts.FromLink(m.Value) is { } host ? new ScamEntity(EntityKind.Link, m.Value.TrimEnd('.', ',', ';', ':', '!', '?'), host) : null);
        Add(QQ(), m => new ScamEntity(EntityKind.QQ, m.Groups[1].Value), 1);
        Add(WeChat(), m => new ScamEntity(EntityKind.WeChat, m.Groups[1].Value.ToLowerInvariant()), 1);
        Add(Mobile(), m => Phone(EntityKind.Mobile, m.Value));
        Add(Landline(), m => Phone(EntityKind.Landline, m.Value));
        Add(Hotline(), m => Phone(EntityKind.Hotline, m.Value));
        Add(International(), m => Phone(EntityKind.International, m.Value));
        Add(Service(), m => Phone(EntityKind.Service, m.Value));
        return found;
    }

    private static ScamEntity? Phone(EntityKind kind, string raw) =>
        PhoneNumbers.Normalize(raw) is { } number ? new ScamEntity(kind, number) : null;

    [GeneratedRegex(@"(?<![a-z0-9@._-])(?:(?:https?|hxxps?)://[^\s<>""'，。、）)】」]+|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|cn|net|org|top|xyz|vip|cc|info|shop|club|online|site|me|io|ly|co|tk|ml|ga|app|link|hk|tw|mo|gov|icu|wang|ren|ink|fun|pro|biz|asia|xin|im|gl|la|to|us|uk|gd|so|nu|live|store|work|cloud|tech|win|bid|loan|ltd|kim|red|mobi)(?![a-z0-9-])(?::[0-9]{1,5})?(?:/[^\s<>""'，。、）)】」]*)?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![a-z])(?:qq|扣扣|企鹅)\s*(?:号码|号|群)?\s*[:是为]?\s*([1-9][0-9]{4,11})(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex QQ();

    [GeneratedRegex(@"(?:微信|威信|薇信|v信|加v|(?<![a-z])(?:vx|wx|weixin|wechat))\s*(?:号|id)?\s*[:是为]?\s*([a-z][-_a-z0-9]{5,19})(?![-_a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex WeChat();

    [GeneratedRegex(@"(?<![0-9])(?:(?:\+|00)?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]){8}(?![0-9])", RegexOptions.None, 100)]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<![0-9])(?:(?:\+|00)86[\s-]?\(?0?|\(?0)[1-9][0-9]{1,2}\)?[\s-]?[0-9]{3,4}[\s-]?[0-9]{4}(?![0-9])", RegexOptions.None, 100)]
    private static partial Regex Landline();

    [GeneratedRegex(@"(?<![0-9])[48]00(?:[\s-]?[0-9]){7}(?![0-9])", RegexOptions.None, 100)]
    private static partial Regex Hotline();

    [GeneratedRegex(@"(?<![0-9+])(?:\+|00)(?!86)[1-9][0-9]{0,3}(?:[\s-]?[0-9]){6,12}(?![0-9])", RegexOptions.None, 100)]
    private static partial Regex International();

    [GeneratedRegex(@"(?<!(?:[¥$]|转账|汇款|金额|支付|付款|余额|收益|赚|到账|充值|第)\s*)(?<![0-9]|[0-9]\.)(?:95[0-9]{3,6}|96[0-9]{3}|1[0-2][0-9]{3}|11[0-9]|12[0-2])(?![0-9]|\.[0-9])(?!\s*(?:元|块|万|亿|%|年|月|日|天|个|人|次|分|秒|小时|岁|rmb|yuan|usd))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex Service();
}
