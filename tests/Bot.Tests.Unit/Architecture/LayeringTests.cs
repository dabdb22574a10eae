using ArchUnitNET.Loader;
using Bot.Worker.Hosting;

namespace Bot.Tests.Unit.Architecture;

/// <summary>
/// The folder layering that docs/ARCHITECTURE.md draws, checked on the compiled worker with ArchUnitNET: a folder
/// (namespace Bot.Worker.X) depends only on folders of its own layer or below, and no folders depend on each other
/// in a cycle. A reference against the layering fails this test with the two types that make it.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>Bottom to top, as in docs/ARCHITECTURE.md. Folders of one layer may use each other (without cycles).</summary>
    public static readonly string[][] Layers =
    [
        ["Common"],
        ["Configuration"],
        ["Storage"],
        ["Cluster", "Transport", "Channels"],
        ["Delivery"],
        ["Audit", "Chats", "Templating", "Scheduling", "Deadlines", "Awareness", "Scam", "Reports", "Batches", "Statistics", "Retention", "WebLogin"],
        ["Telegram", "Commands", "Web"],
        ["Hosting", "Cli"],
    ];

    private static readonly ArchUnitNET.Domain.Architecture Worker = new ArchLoader().LoadAssemblies(typeof(WorkerHost).Assembly).Build();

    [Fact]
    public void Every_folder_of_the_worker_has_a_layer()
    {
        var unplaced = Worker.Types.Select(t => Folder(t.Namespace?.FullName)).OfType<string>().Distinct()
            .Where(f => !Layers.Any(l => l.Contains(f))).ToList();

        Assert.True(unplaced.Count == 0, "folders missing from LayeringTests.Layers and docs/ARCHITECTURE.md: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void A_folder_depends_only_on_its_own_layer_and_the_layers_below()
    {
        var violations = (
            from type in Worker.Types
            let user = Folder(type.Namespace?.FullName)
            where user is not null
            from dependency in type.Dependencies
            let used = Folder(dependency.Target?.Namespace?.FullName)
            where used is not null && LayerOf(used) > LayerOf(user)
            select $"{type.FullName} ({user}, layer {LayerOf(user)}) uses {dependency.Target!.FullName} ({used}, layer {LayerOf(used)})")
            .Distinct().ToList();

        Assert.True(violations.Count == 0, $"{violations.Count} references against the layering:\n" + string.Join("\n", violations.Take(40)));
    }

    [Fact]
    public void No_folders_depend_on_each_other_in_a_cycle()
    {
        var uses = FolderDependencies();
        var cycles = new List<string>();
        foreach (var start in uses.Keys)
        {
            // A path back to the start through other folders is a cycle; each is reported from its smallest folder name.
            var path = FindPath(uses, start, start, [start]);
            if (path is not null && path.All(f => string.CompareOrdinal(start, f) <= 0))
            {
                cycles.Add(string.Join(" -> ", path));
            }
        }

        Assert.True(cycles.Count == 0, "folders in a cycle:\n" + string.Join("\n", cycles));
    }

    private static Dictionary<string, HashSet<string>> FolderDependencies()
    {
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in Worker.Types)
        {
            if (Folder(type.Namespace?.FullName) is not { } user)
            {
                continue;
            }
            foreach (var used in type.Dependencies.Select(d => Folder(d.Target?.Namespace?.FullName)).OfType<string>().Where(f => f != user))
            {
                (uses.TryGetValue(user, out var set) ? set : uses[user] = new HashSet<string>(StringComparer.Ordinal)).Add(used);
            }
        }
        return uses;
    }

    private static List<string>? FindPath(Dictionary<string, HashSet<string>> uses, string from, string to, List<string> path)
    {
        foreach (var next in uses.GetValueOrDefault(from) ?? [])
        {
            if (next == to)
            {
                return [.. path, to];
            }
            if (!path.Contains(next) && FindPath(uses, next, to, [.. path, next]) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private static int LayerOf(string folder) => Array.FindIndex(Layers, l => l.Contains(folder));

    /// <summary>The folder of a worker namespace ("Bot.Worker.Delivery" -> "Delivery"); null outside the worker's folders.</summary>
    private static string? Folder(string? ns) =>
        ns is not null && ns.StartsWith("Bot.Worker.", StringComparison.Ordinal) ? ns["Bot.Worker.".Length..].Split('.')[0] : null;
}
