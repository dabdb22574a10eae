using Bot.Worker.Chats;
using Bot.Worker.Templating;

namespace Bot.Worker.Batches;

/// <summary>
/// The words of a batch file in each language (labels.yaml <c>batch.column.*</c>, <c>batch.state.*</c>, <c>batch.kind.*</c>):
/// the export writes the batch's language; the import reads the English keys (<c>number,kind,region,note</c>) and every
/// language's words, so a re-imported export reads back.
/// </summary>
internal sealed class BatchWords(Labels labels)
{
    /// <summary>The export's columns (PRODUCT 4.10), in order: 号码, 类型, 上报归属地, 号码归属地, 暂停状态, 备注, 处理人, 处理时间.</summary>
    public static readonly IReadOnlyList<string> ExportColumns = ["number", "kind", "region", "attribution", "state", "note", "set_by", "set_at"];

    /// <summary>The columns the import takes (the others of an export are read past).</summary>
    public static readonly IReadOnlyList<string> ImportColumns = ["number", "kind", "region", "note", "state"];

    public string Column(string language, string column) => labels.Get(language, "batch.column." + column);

    public string State(string language, string state) => labels.Get(language, "batch.state." + state);

    public string Kind(string language, string kind) => labels.Get(language, "batch.kind." + kind);

    /// <summary>The column a header cell names ("number", "号码", "號碼", "Number"...), or null.</summary>
    public string? ColumnOf(string header) => Match(header, ExportColumns, "batch.column.");

    /// <summary>The state a cell names ("suspended", "已暂停", "已暫停", "not suspended"...), or null.</summary>
    public string? StateOf(string text) => Match(text, BatchItemState.All, "batch.state.");

    /// <summary>The kind a cell names ("phone", "电话", "QQ", "微信"...), or null.</summary>
    public string? KindOf(string text) => Match(text, BatchItemKind.All, "batch.kind.");

    private string? Match(string text, IReadOnlyList<string> keys, string prefix)
    {
        var folded = Fold(text);
        return keys.FirstOrDefault(key => Fold(key) == folded || Languages.All.Any(l => labels.Find(l, prefix + key) is { } word && Fold(word) == folded));
    }

    private static string Fold(string text) => text.Trim().Replace('_', ' ').Replace('-', ' ').ToLowerInvariant();
}
