using System.Text.RegularExpressions;

namespace Bot.Worker.Scam;

/// <summary>
/// The check itself, a pure function of the text, the rules and the known numbers. A rule whose regex
/// hits its match timeout counts as not matched and is named in <see cref="ScamVerdict.TimedOut"/>;
/// once the whole check has used <see cref="Budget"/>, the remaining pattern rules are skipped the same way.
/// </summary>
internal static class ScamEvaluator
{
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(500);

    public static ScamVerdict Evaluate(string text, ScamRules rules, KnownNumbers known, TimeProvider clock, ReportedAlike? alike = null)
    {
        var started = clock.GetTimestamp();
        var prepared = ScamText.Prepare(text, rules.Fold);
        var entities = EntityExtractor.Extract(prepared);
        var hosts = entities.Where(e => e.Kind == EntityKind.Link).Select(e => e.Host!).Distinct().ToList();
        // Numbers are looked up only for rules that name them, once per check.
        var tagged = rules.TagsNumbers ? NumberTags.Apply(prepared, rules.HomeRegions) : prepared;
        var hits = new List<SignHit>();
        var timedOut = new List<string>();
        foreach (var sign in rules.Signs)
        {
            if (sign.Pattern is { } pattern)
            {
                if (clock.GetElapsedTime(started) > Budget || !TryMatch(pattern, sign.SeesNumberTags ? tagged : prepared, out var matched))
                {
                    timedOut.Add(sign.Id);
                }
                else if (matched)
                {
                    hits.Add(Hit(sign, null));
                }
                continue;
            }
            var host = hosts.FirstOrDefault(h => sign.Detector switch
            {
                LinkDetector.Shortener => rules.Shorteners.Contains(Hosts.Bare(h)),
                LinkDetector.LookAlike => IsLookAlike(rules, h) || h.Split('.').Any(l => l.StartsWith("xn--", StringComparison.Ordinal)),
                _ => false,
            });
            if (host is not null)
            {
                hits.Add(Hit(sign, host));
            }
        }
        var knownHits = entities.Select(known.Find).OfType<KnownNumber>().Distinct().ToList();
        var score = hits.Sum(h => h.Weight);
        // A message that reads as an anti-fraud warning lists a scam's signs by its nature: its score alone never
        // makes it red (a known fraud number still does); it can still be orange, so a scam dressed as one is flagged.
        var warning = hits.Any(h => h.Family == ScamFamilies.WarningContext);
        // A message like reports the admins confirmed is red, like a known fraud number, whatever its signs.
        var level = knownHits.Any(k => k.Kind == KnownNumberKind.Fraud) || alike is not null || (score >= rules.RedAt && !warning) ? ScamLevel.Red
            : score >= rules.OrangeAt || (score > 0 && hits.Any(h => h.Weight > 0)) ? ScamLevel.Orange
            // Green means no sign at all (or a warning's counter-sign outweighed what it mentions).
            : ScamLevel.Green;
        var ordered = hits.OrderByDescending(h => h.Weight).ToList();
        var tip = ordered.FirstOrDefault(h => h.Weight > 0)?.Tip;
        return new ScamVerdict(level, score, ordered, entities, knownHits, tip, timedOut) { Alike = alike };
    }

    private static bool IsLookAlike(ScamRules rules, string host)
    {
        var unleeted = BrandDomain.Unleet(host);
        return rules.Brands.Any(b => b.IsImitatedBy(host, unleeted));
    }

    private static SignHit Hit(ScamSign sign, string? evidence) =>
        new(sign.Id, sign.Family, sign.Weight, sign.Tip, sign.Explanation, evidence);

    private static bool TryMatch(Regex pattern, string text, out bool matched)
    {
        try
        {
            matched = pattern.IsMatch(text);
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            matched = false;
            return false;
        }
    }
}
