namespace Bot.Worker.Scam;

/// <summary>
/// The parsed scam-signs.yaml: signs, thresholds, link lists, the Traditional fold, the verdict wording, and the regions
/// whose numbers are not "from abroad" for <c>{foreign-number}</c>.
/// </summary>
internal sealed record ScamRules(
    IReadOnlyList<ScamSign> Signs,
    int OrangeAt,
    int RedAt,
    IReadOnlySet<string> Shorteners,
    IReadOnlyList<BrandDomain> Brands,
    TraditionalFold Fold,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Wording,
    IReadOnlySet<string> HomeRegions)
{
    /// <summary>True when a sign's patterns use a number placeholder, so a check tags the numbers first.</summary>
    public bool TagsNumbers { get; } = Signs.Any(s => s.SeesNumberTags);

    /// <summary>The keys of the <c>wording:</c> section, each required in every language.</summary>
    public static readonly IReadOnlyList<string> WordingKeys = ["red", "orange", "green", "known-fraud", "known-official", "advice"];

    public string Word(string key, string language) => Wording[key][language];
}
