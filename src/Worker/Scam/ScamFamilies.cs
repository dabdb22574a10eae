namespace Bot.Worker.Scam;

/// <summary>The sign families of PRODUCT.md 4.8 (plus two from the tip library and one counter-sign); scam-signs.yaml may use no other.</summary>
internal static class ScamFamilies
{
    /// <summary>The counter-sign's family: a message with it is never red by its score (see ScamEvaluator).</summary>
    public const string WarningContext = "warning-context";

    public static readonly IReadOnlyList<string> All =
    [
        "impersonated-authority",   // police, procuratorate, court, customs
        "impersonated-regulator",   // MIIT, communications administration
        "safe-account",
        "sensitive-data-request",   // verification codes, card numbers, passwords
        "remote-control",           // screen sharing, remote-control and "meeting" apps
        "money-transfer",           // transfers, fees, deposits, "unfreezing"
        "urgency-secrecy",
        "prize",
        "brushing-job",
        "guaranteed-investment",
        "upfront-fee-loan",
        "card-trading",             // renting or selling phone and bank cards
        "changed-number",           // "this is my new number", then money
        "suspicious-link",          // shortened or look-alike links
        "spoofed-number",           // +86 caller ids, 400/95 numbers presented as officials
        "fake-customer-service",    // refunds, cancelling memberships (tips.yaml)
        "fake-reverification",      // "re-verify or be suspended" (seed notice 2021)
        WarningContext,             // an anti-fraud warning itself: negative weight
    ];
}
