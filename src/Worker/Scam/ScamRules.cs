namespace Bot.Worker.Scam;

/// <summary>The parsed scam-signs.yaml: signs, thresholds, link lists, the Traditional fold and the verdict wording.</summary>
internal sealed record ScamRules(
    IReadOnlyList<ScamSign> Signs,
    int OrangeAt,
    int RedAt,
    IReadOnlySet<string> Shorteners,
    IReadOnlyList<BrandDomain> Brands,
    TraditionalFold Fold,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Wording)
{
    /// <summary>The keys of the <c>wording:</c> section, each required in every language.</summary>
    public static readonly IReadOnlyList<string> WordingKeys = ["red", "orange", "green", "known-fraud", "known-official", "advice"];

    public string Word(string key, string language) => Wording[key][language];
}
