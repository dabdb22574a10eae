namespace Bot.Worker.Scam;

/// <summary>A sign found in a message; Evidence is the host for link signs (shown so a look-alike is visible).</summary>
internal sealed record SignHit(string Id, string Family, int Weight, string Tip, IReadOnlyDictionary<string, string> Explanation, string? Evidence = null)
{
    public string Explain(string language) => Explanation[language];
}
