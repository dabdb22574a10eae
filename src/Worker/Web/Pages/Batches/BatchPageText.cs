using System.Globalization;
using Bot.Worker.Batches;
using Bot.Worker.Web.Console;

namespace Bot.Worker.Web.Pages.Batches;

/// <summary>The batch pages' words for import problems, states and kinds, in the admin's language.</summary>
internal static class BatchPageText
{
    public static string LineProblem(ConsoleViewer viewer, BatchLineError error) => string.Format(CultureInfo.InvariantCulture,
        viewer.T("web.batches.line"), error.Line, string.Format(CultureInfo.InvariantCulture, viewer.T("web.batches.row." + error.Problem.ToString().ToLowerInvariant()), error.Value, BatchRows.MaxField, BatchRows.MaxRows));

    public static string State(ConsoleViewer viewer, string state) => viewer.T("batch.state." + state);

    public static string Kind(ConsoleViewer viewer, string kind) => viewer.T("batch.kind." + kind);
}
