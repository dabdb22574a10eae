namespace Bot.Bench;

internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Templates => Path.Combine(Root, "src", "Templates");

    public static string WorkerDll(string configuration) => Path.Combine(Root, "src", "Worker", "bin", configuration, "net10.0", "Bot.Worker.dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
