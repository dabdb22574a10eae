namespace Bot.Worker.Scam;

/// <summary>
/// A MinHash signature of a normalized text (<see cref="AlikeText"/>): for each of <see cref="Hashes"/> hash functions, the
/// least hash of its character 3-grams. The share of positions where two signatures agree estimates the Jaccard
/// similarity of the two texts' 3-gram sets; <see cref="Bands"/> bands of <see cref="Rows"/> positions find the
/// candidates (LSH): two texts with similarity 0.4 share a band 93 % of the time, with 0.1 only 4 %.
/// </summary>
internal sealed class AlikeSignature
{
    public const int Shingle = 3, Rows = 3, Bands = 42, Hashes = Rows * Bands;

    /// <summary>Fewer 3-grams than this (a text of about 20 letters) is too short to say a message is like it.</summary>
    public const int MinShingles = 20;

    /// <summary>Two texts at least this similar are alike (variants in the tests: 0.38-1.0; ordinary messages against scams: at most 0.13).</summary>
    public const double Threshold = 0.4;

    private static readonly (ulong A, ulong B)[] Functions = MakeFunctions();

    private AlikeSignature(uint[] values) => Values = values;

    public uint[] Values { get; }

    /// <summary>The signature of a normalized text, or null when it has fewer than <see cref="MinShingles"/> 3-grams.</summary>
    public static AlikeSignature? Of(string normalized)
    {
        var shingles = new HashSet<ulong>();
        for (var i = 0; i + Shingle <= normalized.Length; i++)
        {
            shingles.Add(Mix(normalized[i] | ((ulong)normalized[i + 1] << 16) | ((ulong)normalized[i + 2] << 32)));
        }
        if (shingles.Count < MinShingles)
        {
            return null;
        }
        var values = new uint[Hashes];
        Array.Fill(values, uint.MaxValue);
        foreach (var x in shingles)
        {
            for (var h = 0; h < Hashes; h++)
            {
                // Multiply-add hashing of the 3-gram's 64-bit hash, high 32 bits: one multiplication per function.
                var v = (uint)(((Functions[h].A * x) + Functions[h].B) >> 32);
                if (v < values[h])
                {
                    values[h] = v;
                }
            }
        }
        return new AlikeSignature(values);
    }

    /// <summary>The estimated Jaccard similarity: the share of positions where both signatures agree.</summary>
    public double Similarity(AlikeSignature other) => Similarity(other.Values);

    public double Similarity(ReadOnlySpan<uint> other)
    {
        var same = 0;
        for (var h = 0; h < Hashes; h++)
        {
            if (Values[h] == other[h])
            {
                same++;
            }
        }
        return (double)same / Hashes;
    }

    /// <summary>The key of band <paramref name="band"/>: its index and its <see cref="Rows"/> values hashed together.</summary>
    public ulong BandKey(int band) => BandKey(Values, band);

    public static ulong BandKey(ReadOnlySpan<uint> values, int band)
    {
        var at = band * Rows;
        return Mix(((ulong)values[at] << 32 | values[at + 1]) ^ Mix(((ulong)values[at + 2] << 8) | (uint)band));
    }

    /// <summary>SplitMix64's finalizer: a fixed 64-bit mix (the same in every process, unlike string.GetHashCode).</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }

    private static (ulong, ulong)[] MakeFunctions()
    {
        var functions = new (ulong, ulong)[Hashes];
        var seed = 0x243f6a8885a308d3UL; // fixed: signatures must agree across processes and restarts
        for (var h = 0; h < Hashes; h++)
        {
            seed = Mix(seed + 0x9e3779b97f4a7c15UL);
            var a = seed | 1;
            seed = Mix(seed + 0x9e3779b97f4a7c15UL);
            functions[h] = (a, seed);
        }
        return functions;
    }
}
