namespace Bot.Worker.Scam;

/// <summary>A name scammers borrow in hosts (gov, icbc, 10086) and the domains that really own it.</summary>
internal sealed record BrandDomain(string Word, IReadOnlyList<string> RealDomains)
{
    /// <summary>
    /// The host names the brand, as written or with digits for look-alike letters (amaz0n, paypa1: <paramref name="unleeted"/>,
    /// from <see cref="Unleet"/>, once per host), and is neither one of its real domains nor under one.
    /// </summary>
    public bool IsImitatedBy(string host, string unleeted) =>
        (host.Contains(Word, StringComparison.Ordinal) || (HasLetters && unleeted.Contains(Word, StringComparison.Ordinal)))
        && !RealDomains.Any(real => host == real || host.EndsWith("." + real, StringComparison.Ordinal));

    /// <summary>The host with digits that stand for letters read as those letters (0→o, 1→l, 3→e, 4→a, 5→s, 7→t).</summary>
    public static string Unleet(string host) => string.Create(host.Length, host, static (span, h) =>
    {
        for (var i = 0; i < h.Length; i++)
        {
            span[i] = h[i] switch { '0' => 'o', '1' => 'l', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', _ => h[i] };
        }
    });

    // A brand of digits (10086, 95588) is compared as written only.
    private bool HasLetters => Word.Any(char.IsAsciiLetter);
}
