namespace Bot.Worker.Common;

/// <summary>Resolves the relative paths in configuration (data/, config/, src/Templates) against the content root.</summary>
public sealed class ContentPaths(string contentRoot)
{
    public string ContentRoot { get; } = contentRoot;

    public string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(ContentRoot, path));

    /// <summary>
    /// The directory holding <c>config/appsettings.json</c>: the current directory when run from the
    /// repository, else the build output (which carries a copy of config/ and src/Templates).
    /// </summary>
    public static string Locate()
    {
        var current = Directory.GetCurrentDirectory();
        if (File.Exists(Path.Combine(current, "config", "appsettings.json")))
        {
            return current;
        }
        var output = AppContext.BaseDirectory;
        return File.Exists(Path.Combine(output, "config", "appsettings.json")) ? output : current;
    }
}
