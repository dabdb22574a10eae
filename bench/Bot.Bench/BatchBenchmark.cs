using System.Diagnostics;
using System.Globalization;
using Bot.FakeTelegram;
using Bot.Tests.Unit.Batches;
using Bot.Worker.Batches;
using Bot.Worker.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Bot.Bench;

/// <summary>
/// A batch of 100,000 numbers (half phone numbers from nine places, half QQ numbers) imported from XLSX through the
/// console's use case on the started worker: every row read (MiniExcel), checked (libphonenumber, its geocoder) and
/// saved with its two occurrences in one transaction; the time and the process's peak resident memory during it. Then
/// the export as XLSX and as CSV. Baselines in the same run: MiniExcel reading the same file into strings, and
/// MiniExcel writing the same number of rows of eight text cells.
/// </summary>
internal static class BatchBenchmark
{
    public sealed record Result(int Rows, int FileKb, TimeSpan Read, TimeSpan Import, double RssBeforeMb, double PeakRssMb, TimeSpan Write, TimeSpan ExportXlsx, TimeSpan ExportCsv);

    public static async Task<Result> RunAsync(int rows, BenchStorage storage)
    {
        var file = NoticeFile.Xlsx(NoticeFile.ManyRows(rows));
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "bot-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "deadlines.yaml"), """
            time_zone: Asia/Shanghai
            teams:
              - id: netsec
                name: Network security
                lead: 1001
                members: [1001, 1002]
            deadlines: []
            """);
        await using var worker = await BenchWorker.StartAsync(server, 0, 0, directory, storage, ("Bot:DeadlinesFile", Path.Combine(directory, "deadlines.yaml")));
        var teams = worker.Services.GetRequiredService<TeamStore>();
        while (!await teams.ExistsAsync("netsec", CancellationToken.None))
        {
            await Task.Delay(50); // the planner syncs the teams just after start
        }

        // Baseline: the library alone reading every cell of the same file.
        var watch = Stopwatch.StartNew();
        var cells = 0;
        foreach (IDictionary<string, object?> row in new MemoryStream(file).Query(useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            cells += row.Values.Count(v => Convert.ToString(v, CultureInfo.InvariantCulture)!.Length > 0);
        }
        var read = watch.Elapsed;
        GC.KeepAlive(cells);

        var import = worker.Services.GetRequiredService<BatchImport>();
        var due = DateTime.UtcNow.AddDays(3);
        var form = new BatchForm("bench", "netsec", due, due.AddDays(7), "zh-Hans", "bench.xlsx", file);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        // Peak memory from here on, not the earlier benchmarks' or the file's making (Linux: "5" resets VmHWM).
        File.WriteAllText("/proc/self/clear_refs", "5");
        var before = Memory("VmRSS");
        watch.Restart();
        var result = await import.ImportAsync(1001, form, CancellationToken.None);
        var imported = watch.Elapsed;
        var peak = Memory("VmHWM");
        if (!result.Saved || result.Items != rows)
        {
            var first = result.Errors.Count > 0 ? result.Errors[0] : null;
            throw new InvalidOperationException($"import: {result.Items} items, {result.Errors.Count} errors (first: line {first?.Line} {first?.Problem} {first?.Value}), {result.FormProblem}");
        }

        // Baseline: the library alone writing as many rows of eight text cells.
        watch.Restart();
        using (var sink = new MemoryStream())
        {
            sink.SaveAs(Enumerable.Range(0, rows).Select(i => new Dictionary<string, object?>
            {
                ["号码"] = "1380100" + i.ToString("D4", CultureInfo.InvariantCulture), ["类型"] = "电话", ["上报归属地"] = "北京", ["号码归属地"] = "北京市",
                ["暂停状态"] = "待处理", ["备注"] = "出售个人信息", ["处理人"] = "", ["处理时间"] = "",
            }), printHeader: true, excelType: ExcelType.XLSX);
        }
        var write = watch.Elapsed;

        var export = worker.Services.GetRequiredService<BatchExport>();
        watch.Restart();
        var xlsx = await export.XlsxAsync(result.Batch!.Id, 1001, CancellationToken.None);
        var exportXlsx = watch.Elapsed;
        watch.Restart();
        var csv = await export.CsvAsync(result.Batch!.Id, 1001, CancellationToken.None);
        var exportCsv = watch.Elapsed;
        GC.KeepAlive((xlsx, csv));
        return new Result(rows, file.Length / 1024, read, imported, before, peak, write, exportXlsx, exportCsv);
    }

    private static double Memory(string field) =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
}
