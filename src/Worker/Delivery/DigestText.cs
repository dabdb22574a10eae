using System.Globalization;

namespace Bot.Worker.Delivery;

/// <summary>
/// One robot message for several waiting rows (PRODUCT.md 4.9): the first row's heading with the count, then a line
/// per row (the deadline, its due time, its links), as Telegram HTML for the robot's converter.
/// </summary>
internal static class DigestText
{
    public static string Of(IEnumerable<OutboxRow> rows)
    {
        var list = rows.ToList();
        var title = (list[0].DigestTitle ?? "{0}").Replace("{0}", list.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return title + "\n\n" + string.Join("\n", list.Select(r => r.DigestLine ?? r.Text));
    }
}
