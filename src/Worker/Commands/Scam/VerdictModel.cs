using System.Globalization;
using Bot.Worker.Common;
using Bot.Worker.Scam;
using Bot.Worker.Templating;

namespace Bot.Worker.Commands.Scam;

/// <summary>
/// The check-verdict template's values for a verdict in one language: never the checked text, only what was found in it,
/// and how many confirmed reports it is like (with the date of the latest, on the reader's calendar).
/// </summary>
internal sealed class VerdictModel(ScamChecker checker, TipLibrary tips)
{
    /// <summary>At most this many numbers and hosts are listed (a 4,096-character message may hold many).</summary>
    public const int MaxListed = 10;

    public object For(ScamVerdict verdict, string language, TimeZoneInfo zone)
    {
        var level = ScamCheckService.LevelName(verdict.Level);
        var tip = verdict.TipId is { } id ? tips.Tips.FirstOrDefault(t => t.Id == id) : null;
        var tipText = tip is null ? null : tip.Texts.GetValueOrDefault(language) ?? tip.Texts.GetValueOrDefault("en") ?? tip.Texts.Values.First();
        return new
        {
            Level = level,
            Emoji = verdict.Emoji,
            Title = checker.Word(level, language).Replace(verdict.Emoji, "", StringComparison.Ordinal).Trim(),
            Signs = verdict.Signs.Select(s => new { s.Id, Text = s.Explain(language), Host = s.Evidence ?? "" }).ToList(),
            Hosts = verdict.Entities.Where(e => e.Kind == EntityKind.Link).Select(e => e.Host!).Distinct().Take(MaxListed).ToList(),
            Numbers = verdict.Entities.Where(e => e.Kind != EntityKind.Link).Take(MaxListed)
                .Select(e => new { Kind = e.Kind.ToString().ToLowerInvariant(), e.Value }).ToList(),
            Alike = new
            {
                Present = verdict.Alike is not null,
                Count = verdict.Alike?.Count ?? 0,
                Last = verdict.Alike is { } a ? LocalTime.ToLocal(a.Last, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
            },
            Fraud = verdict.FraudHits.Select(k => new { k.Value, k.Note }).ToList(),
            Official = verdict.OfficialHits.Select(k => new { k.Value, k.Note }).ToList(),
            KnownFraud = checker.Word("known-fraud", language),
            KnownOfficial = checker.Word("known-official", language),
            Tip = new { Present = tipText is not null, Title = tipText?.Title ?? "", Body = tipText?.Body ?? "" },
            Advice = checker.Word("advice", language),
        };
    }
}
