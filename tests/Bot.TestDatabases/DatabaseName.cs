using System.Text.RegularExpressions;

namespace Bot.TestDatabases;

/// <summary>Names of test databases: the caller's prefix, cleaned, and a GUID; safe to quote into SQL.</summary>
internal static partial class DatabaseName
{
    public static string New(string? prefix)
    {
        var clean = NotNameChars().Replace((prefix ?? "test").ToLowerInvariant(), "_");
        return $"{clean[..Math.Min(clean.Length, 24)]}_{Guid.NewGuid():N}";
    }

    public static bool IsSafe(string name) => Safe().IsMatch(name);

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex NotNameChars();

    [GeneratedRegex("^[a-z0-9_]{1,63}$")]
    private static partial Regex Safe();
}
