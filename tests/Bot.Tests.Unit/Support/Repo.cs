namespace Bot.Tests.Unit.Support;

internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Templates => Path.Combine(Root, "src", "Templates");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Bot.sln not found");
    }
}
