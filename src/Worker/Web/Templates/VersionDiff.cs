using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Bot.Worker.Web.Templates;

/// <summary>A line diff between two template sources (DiffPlex), as rows the versions page shows: kept, removed or added lines.</summary>
internal static class VersionDiff
{
    public static IReadOnlyList<DiffLine> Lines(string from, string to) =>
        [.. InlineDiffBuilder.Diff(from, to, ignoreWhiteSpace: false, ignoreCase: false).Lines
            .Where(l => l.Type != ChangeType.Imaginary)
            .Select(l => new DiffLine(l.Type switch
            {
                ChangeType.Inserted => DiffLineKind.Added,
                ChangeType.Deleted => DiffLineKind.Removed,
                _ => DiffLineKind.Kept,
            }, l.Text ?? ""))];
}
