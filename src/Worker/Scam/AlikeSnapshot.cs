namespace Bot.Worker.Scam;

/// <summary>
/// The index of one version of <c>reported_alike</c>, in memory and never changed: each report's signature, and for
/// each band key the reports that have it (a chain through <c>_next</c>). A message's candidates are the reports that
/// share a band with it; those whose signatures agree on at least <see cref="AlikeSignature.Threshold"/> match.
/// </summary>
internal sealed class AlikeSnapshot
{
    public static readonly AlikeSnapshot Empty = new(-1, [], []);

    private readonly long[] _confirmedAt;
    private readonly uint[] _signatures;
    private readonly Dictionary<ulong, int> _first;
    private readonly int[] _next;

    private AlikeSnapshot(long version, IReadOnlyList<ReportedAlikeRow> rows, IReadOnlyList<AlikeSignature> signatures)
    {
        Version = version;
        Count = signatures.Count;
        _confirmedAt = rows.Select(r => r.ConfirmedAt).ToArray();
        _signatures = new uint[Count * AlikeSignature.Hashes];
        _next = new int[Count * AlikeSignature.Bands];
        _first = new Dictionary<ulong, int>(Count * AlikeSignature.Bands);
        for (var i = 0; i < Count; i++)
        {
            signatures[i].Values.CopyTo(_signatures, i * AlikeSignature.Hashes);
            for (var band = 0; band < AlikeSignature.Bands; band++)
            {
                var posting = (i * AlikeSignature.Bands) + band;
                var key = signatures[i].BandKey(band);
                _next[posting] = _first.TryGetValue(key, out var previous) ? previous : -1;
                _first[key] = posting;
            }
        }
    }

    /// <summary>The <c>reported_alike_version</c> this was built from.</summary>
    public long Version { get; }

    /// <summary>Reports in the index (those long enough to compare).</summary>
    public int Count { get; }

    /// <summary>Builds the index of <paramref name="rows"/>, each folded again with the current fold (a pair added since it was stored counts too).</summary>
    public static AlikeSnapshot Build(long version, IEnumerable<ReportedAlikeRow> rows, TraditionalFold fold)
    {
        var kept = new List<ReportedAlikeRow>();
        var signatures = new List<AlikeSignature>();
        foreach (var row in rows)
        {
            if (AlikeSignature.Of(fold.Apply(row.Normalized)) is { } signature)
            {
                kept.Add(row);
                signatures.Add(signature);
            }
        }
        return new AlikeSnapshot(version, kept, signatures);
    }

    /// <summary>The confirmed reports <paramref name="signature"/> is like: how many, and the latest confirmation; null when none.</summary>
    public ReportedAlike? Match(AlikeSignature signature)
    {
        var seen = new HashSet<int>();
        var count = 0;
        var last = long.MinValue;
        for (var band = 0; band < AlikeSignature.Bands; band++)
        {
            if (!_first.TryGetValue(signature.BandKey(band), out var posting))
            {
                continue;
            }
            for (; posting >= 0; posting = _next[posting])
            {
                var report = posting / AlikeSignature.Bands;
                if (seen.Add(report) && signature.Similarity(_signatures.AsSpan(report * AlikeSignature.Hashes, AlikeSignature.Hashes)) >= AlikeSignature.Threshold)
                {
                    count++;
                    last = Math.Max(last, _confirmedAt[report]);
                }
            }
        }
        return count == 0 ? null : new ReportedAlike(count, DateTimeOffset.FromUnixTimeMilliseconds(last));
    }
}
