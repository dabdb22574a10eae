namespace Bot.Worker.Scam;

/// <summary>A name scammers borrow in hosts (gov, icbc, 10086) and the domains that really own it.</summary>
internal sealed record BrandDomain(string Word, IReadOnlyList<string> RealDomains)
{
    /// <summary>The host names the brand but is neither one of its real domains nor under one.</summary>
    public bool IsImitatedBy(string host) =>
        host.Contains(Word, StringComparison.Ordinal)
        && !RealDomains.Any(real => host == real || host.EndsWith("." + real, StringComparison.Ordinal));
}
