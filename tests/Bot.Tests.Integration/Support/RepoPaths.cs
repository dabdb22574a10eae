namespace Bot.Tests.Integration.Support;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Templates => Path.Combine(Root, "src", "Templates");

    /// <summary>The worker's own build output (same configuration as the tests).</summary>
    public static string WorkerDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(Root, "src", "Worker", "bin", configuration, "net10.0", "Bot.Worker.dll");
        }
    }

    public static string NewTempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
