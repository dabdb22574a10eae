using System.Globalization;

namespace Bot.TestDatabases;

/// <summary>The bin directory of the highest PostgreSQL version installed the Debian way.</summary>
internal static class PostgresBinaries
{
    public static string Find(string root = "/usr/lib/postgresql")
    {
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Bin: Path.Combine(d, "bin"), Version: VersionOf(Path.GetFileName(d))))
                .Where(c => c.Version is not null && File.Exists(Path.Combine(c.Bin, "initdb")) && File.Exists(Path.Combine(c.Bin, "pg_ctl")))
                .OrderByDescending(c => c.Version)
                .Select(c => c.Bin)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries not found under {root}/*/bin: install the Debian package 'postgresql' (apt-get install -y postgresql)");
    }

    // Directory names are major versions: 15, 16, or 9.6 before PostgreSQL 10.
    private static decimal? VersionOf(string name) =>
        decimal.TryParse(name, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version) ? version : null;
}
