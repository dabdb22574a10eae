using Bot.TestDatabases;

namespace Bot.Tests.Unit.Storage;

public sealed class PostgresBinariesTests
{
    [Fact]
    public void Missing_server_binaries_are_reported_in_one_line_naming_the_package()
    {
        var empty = Directory.CreateTempSubdirectory("bot-no-pg-");
        try
        {
            Directory.CreateDirectory(Path.Combine(empty.FullName, "15", "bin"));

            var error = Assert.Throws<InvalidOperationException>(() => PostgresBinaries.Find(empty.FullName));

            Assert.Equal(
                $"PostgreSQL server binaries not found under {empty.FullName}/*/bin: install the Debian package 'postgresql' (apt-get install -y postgresql)",
                error.Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_highest_installed_version_is_used()
    {
        var root = Directory.CreateTempSubdirectory("bot-pgbin-");
        try
        {
            foreach (var version in new[] { "9.6", "15", "16" })
            {
                var bin = Directory.CreateDirectory(Path.Combine(root.FullName, version, "bin")).FullName;
                File.WriteAllText(Path.Combine(bin, "initdb"), "");
                File.WriteAllText(Path.Combine(bin, "pg_ctl"), "");
            }

            Assert.Equal(Path.Combine(root.FullName, "16", "bin"), PostgresBinaries.Find(root.FullName));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
