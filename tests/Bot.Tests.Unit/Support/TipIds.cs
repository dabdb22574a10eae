using Bot.Worker.Configuration;

namespace Bot.Tests.Unit.Support;

internal static class TipIds
{
    public static HashSet<string> Read() =>
        YamlFiles.Read<Dictionary<string, List<Dictionary<string, object>>>>(Path.Combine(Repo.Templates, "tips.yaml"))["tips"]
            .Select(t => (string)t["id"]).ToHashSet(StringComparer.Ordinal);
}
