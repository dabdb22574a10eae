using System.Text;
using Bot.Worker.Audit;
using Bot.Worker.Chats;
using Bot.Worker.Common;

namespace Bot.Worker.Batches;

/// <summary>
/// A batch's items as CSV or XLSX with exactly the columns of PRODUCT 4.10 in the batch's language (号码, 类型, 上报归属地,
/// 号码归属地, 暂停状态, 备注, 处理人, 处理时间). 备注 holds the reason where the state has one (the notice asks for it
/// there), else the item's note; a Chinese phone number is written as dialled at home. Audited.
/// </summary>
internal sealed class BatchExport(BatchStore store, BatchWords words, RecipientDirectory recipients, AuditStore audit)
{
    public const string Action = "batch:export";
    private const int Page = 5_000;

    public async Task<(Batch Batch, byte[] Csv)?> CsvAsync(long batchId, long admin, CancellationToken ct)
    {
        if (await store.FindAsync(batchId, ct) is not { } batch)
        {
            return null;
        }
        var csv = new CsvWriter();
        csv.WriteRecord(Header(batch));
        await foreach (var row in RowsAsync(batch, ct))
        {
            csv.WriteRecord(row);
        }
        await audit.WriteAsync(admin, Action, $"#{batch.Id} {batch.Title}: csv", allowed: true, ct);
        // With the BOM, spreadsheet programs read the Chinese words as UTF-8.
        return (batch, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())]);
    }

    public async Task<(Batch Batch, byte[] Xlsx)?> XlsxAsync(long batchId, long admin, CancellationToken ct)
    {
        if (await store.FindAsync(batchId, ct) is not { } batch)
        {
            return null;
        }
        var rows = new List<IReadOnlyList<string>>();
        await foreach (var row in RowsAsync(batch, ct))
        {
            rows.Add(row);
        }
        using var stream = new MemoryStream();
        BatchXlsx.Write(stream, rows, Header(batch));
        await audit.WriteAsync(admin, Action, $"#{batch.Id} {batch.Title}: xlsx", allowed: true, ct);
        return (batch, stream.ToArray());
    }

    public static string FileName(Batch batch, string extension) => $"batch-{batch.Id}.{extension}";

    private string[] Header(Batch batch) => [.. BatchWords.ExportColumns.Select(c => words.Column(batch.Language, c))];

    private async IAsyncEnumerable<IReadOnlyList<string>> RowsAsync(Batch batch, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(batch.TimeZone);
        var names = new Dictionary<long, string>();
        var after = 0L;
        while (true)
        {
            var items = await store.ItemsAsync(batch.Id, null, false, after, Page, ct);
            foreach (var item in items)
            {
                var by = "";
                if (item.SetBy is { } user && !names.TryGetValue(user, out by))
                {
                    by = names[user] = await recipients.NameAsync(user, ct);
                }
                yield return
                [
                    BatchNumbers.Display(item.Kind, item.Number),
                    words.Kind(batch.Language, item.Kind),
                    item.ReportedRegion,
                    item.Attribution,
                    words.State(batch.Language, item.State),
                    BatchItemState.NeedsReason(item.State) ? item.Reason : item.Note,
                    by ?? "",
                    item.SetAt is { } at ? LocalTime.Text(DateTimeOffset.FromUnixTimeMilliseconds(at), zone) : "",
                ];
            }
            if (items.Count < Page)
            {
                yield break;
            }
            after = items[^1].Id;
        }
    }
}
