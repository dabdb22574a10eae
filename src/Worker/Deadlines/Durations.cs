using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Worker.Deadlines;

/// <summary>
/// Durations as the config and commands write them: "3d", "2h", "30m", "45s", or combined "1d12h".
/// Days count in local calendar days (the same wall-clock time), the rest as elapsed time.
/// </summary>
internal static partial class Durations
{
    public static LadderOffset? Parse(string text)
    {
        var match = Shape().Match(text.Trim().ToLowerInvariant());
        if (!match.Success || match.Length == 0)
        {
            return null;
        }
        int Part(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        var days = Part("d");
        var rest = TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
        return new LadderOffset(text.Trim(), days, rest);
    }

    [GeneratedRegex(@"^(?:(?<d>\d{1,4})d)?(?:(?<h>\d{1,5})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,7})s)?$")]
    private static partial Regex Shape();
}
