using System.Globalization;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Tests.Unit.Batches;
using Bot.Worker.Hosting;
using MiniExcelLibs;
using OpenQA.Selenium;

namespace Bot.Tests.Integration.Web;

/// <summary>
/// The console's batch pages in headless Chromium: a file with bad rows refused line by line, notice 000's list
/// imported from XLSX, the batch page filtered by attribution mismatch and by state, the selected numbers bulk-set
/// (a reason required for not suspended), and the export downloaded by the browser with the states and reasons.
/// </summary>
public abstract class BatchPagesTests(StorageProvider provider) : ConsolePageTest(provider, Admin)
{
    private const long Admin = 4545, Lead = 4601, Member = 4602;
    private string _directory = "";

    private protected override async Task<string?> PrepareAsync()
    {
        _directory = RepoPaths.NewTempDirectory("bot-web-batches");
        await File.WriteAllTextAsync(Path.Combine(_directory, "deadlines.yaml"), $"""
            time_zone: Asia/Shanghai
            teams:
              - id: netsec
                name: Network security team
                lead: {Lead}
                members: [{Lead}, {Member}]
            deadlines: []
            """);
        return _directory;
    }

    private protected override void Configure(WorkerHostSettings settings) =>
        settings.Configuration["Bot:DeadlinesFile"] = Path.Combine(_directory, "deadlines.yaml");

    [Fact]
    public async Task A_batch_is_imported_filtered_bulk_set_and_downloaded()
    {
        await ConsoleSignIn.SignInAsync(Chrome, Server, Admin);
        var downloads = RepoPaths.NewTempDirectory("bot-web-downloads");
        Chrome.Driver.ExecuteCdpCommand("Browser.setDownloadBehavior", new Dictionary<string, object?> { ["behavior"] = "allow", ["downloadPath"] = downloads });

        // A file with three bad rows: each line named, nothing imported.
        var bad = NoticeFile.Rows().ToList();
        bad[4] = bad[4] with { Number = "12345", Kind = "phone" };
        bad[50] = bad[50] with { Kind = "fax" };
        bad[180] = bad[160];
        Chrome.Open(new Uri(Bot.WebAddress, "/batches"));
        FillForm("Bad file", Save("bad.csv", NoticeFile.Csv(bad)));
        Chrome.Click("#import-button");
        Assert.Contains("3 rows have problems", Chrome.WaitForText("#import-problem", _ => true), StringComparison.Ordinal);
        Assert.Equal(["6", "52", "182"], Chrome.Driver.FindElements(By.CssSelector("#import-errors li")).Select(li => li.GetAttribute("data-line")));
        Assert.Contains("Line 6: \"12345\" is not a valid number", Chrome.Text("#import-errors"), StringComparison.Ordinal);
        Assert.Equal(0, await Bot.ScalarAsync<long>("SELECT COUNT(*) FROM batch_items"));

        // Notice 000's list as XLSX.
        FillForm("公信安[2012]174号 第五批", Save("notice-000.xlsx", NoticeFile.Xlsx(NoticeFile.Rows())));
        Chrome.Click("#import-button");
        Assert.Contains("Imported 255 numbers, 3 with an attribution mismatch", Chrome.WaitForText("#import-done", _ => true), StringComparison.Ordinal);
        Chrome.Screenshot("batches");
        Chrome.Click("#imported-link");
        Assert.Contains("0 of 255 handled, 255 pending, 3 attribution mismatches", Chrome.WaitForText("#batch-progress", _ => true), StringComparison.Ordinal);
        Assert.Equal(255, Rows().Count);

        // Filter: the mismatches only.
        Chrome.Click("#mismatch-filter");
        Chrome.Click("#filter");
        Chrome.WaitForText("#items", _ => Rows().Count == 3);
        Assert.All(Rows(), r => Assert.Equal("true", r.GetAttribute("data-mismatch")));
        Assert.Contains(Rows(), r => r.GetAttribute("data-number") == NoticeFile.ShenzhenMobileReportedAsSichuan
            && r.FindElement(By.CssSelector("[data-field='attribution']")).Text.Contains("广东省深圳市", StringComparison.Ordinal)
            && r.FindElement(By.CssSelector("[data-field='reported']")).Text == "四川");

        // Bulk set: not suspended needs a reason; with one, the three are set.
        SelectAll();
        Choose("#bulk-state", "not_suspended");
        Chrome.Click("#bulk-set");
        Assert.Contains("need a reason", Chrome.WaitForText("#set-done", _ => true), StringComparison.Ordinal);
        Assert.Equal(0, await Bot.ScalarAsync<long>("SELECT COUNT(*) FROM batch_items WHERE state <> 'pending'"));
        SelectAll();
        Choose("#bulk-state", "not_suspended");
        Chrome.Driver.FindElement(By.Id("bulk-reason")).SendKeys("归属地错误，已转属地核查");
        Chrome.Click("#bulk-set");
        Assert.Contains("Set 3 numbers", Chrome.WaitForText("#set-done", _ => true), StringComparison.Ordinal);
        Assert.All(Rows(), r => Assert.Equal("not_suspended", r.GetAttribute("data-state")));

        // Filter by state: pending, then the first ten suspended.
        Chrome.Click("#mismatch-filter");
        Choose("#state-filter", "pending");
        Chrome.Click("#filter");
        Chrome.WaitForText("#items", _ => Rows().Count == 252);
        foreach (var row in Rows().Take(10))
        {
            row.FindElement(By.CssSelector("input[type='checkbox']")).Click();
        }
        Choose("#bulk-state", "suspended");
        Chrome.Click("#bulk-set");
        Assert.Contains("Set 10 numbers", Chrome.WaitForText("#set-done", _ => true), StringComparison.Ordinal);
        Assert.Equal(242, Rows().Count); // the filter stays: pending only
        Assert.Contains("13 of 255 handled, 242 pending", Chrome.Text("#batch-progress"), StringComparison.Ordinal);
        Chrome.Screenshot("batch");

        // The export, downloaded by the browser: the batch's language (zh-Hans), the states and the reasons.
        Chrome.Click("#export-xlsx");
        var xlsx = await DownloadedAsync(downloads, "batch-1.xlsx");
        var sheet = new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["号码", "类型", "上报归属地", "号码归属地", "暂停状态", "备注", "处理人", "处理时间"], sheet[0].Keys);
        Assert.Equal(255, sheet.Count);
        var shenzhen = sheet.Single(r => Cell(r, "号码") == NoticeFile.ShenzhenMobileReportedAsSichuan);
        Assert.Equal(("未暂停", "归属地错误，已转属地核查", "四川", "广东省深圳市"), (Cell(shenzhen, "暂停状态"), Cell(shenzhen, "备注"), Cell(shenzhen, "上报归属地"), Cell(shenzhen, "号码归属地")));
        Assert.Equal(10, sheet.Count(r => Cell(r, "暂停状态") == "已暂停"));
        Assert.Equal(242, sheet.Count(r => Cell(r, "暂停状态") == "待处理"));
        Chrome.Click("#export-csv");
        var csv = System.Text.Encoding.UTF8.GetString(await DownloadedAsync(downloads, "batch-1.csv"));
        Assert.Contains("未暂停", csv, StringComparison.Ordinal);
        Assert.Contains("归属地错误，已转属地核查", csv, StringComparison.Ordinal);
        Assert.Equal(2, await Bot.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'batch:export' AND user_id = @Admin", new { Admin }));
        Assert.Equal(13, await Bot.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'batch:set' AND user_id = @Admin", new { Admin }));
    }

    private void FillForm(string title, string file)
    {
        var titleBox = Chrome.Driver.FindElement(By.Id("title"));
        titleBox.Clear();
        titleBox.SendKeys(title);
        Choose("#team", "netsec");
        Choose("#language", "zh-Hans");
        // A datetime-local input takes its value from a script, whatever the browser's locale makes of typed digits.
        var act = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'17:00", CultureInfo.InvariantCulture);
        var report = DateTime.UtcNow.AddDays(9).ToString("yyyy-MM-dd'T'17:00", CultureInfo.InvariantCulture);
        Chrome.Driver.ExecuteScript("document.querySelector('#act-by').value = arguments[0]; document.querySelector('#report-by').value = arguments[1];", act, report);
        Chrome.Driver.FindElement(By.Id("batch-file")).SendKeys(file);
    }

    private string Save(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static string Cell(IDictionary<string, object?> row, string column) => Convert.ToString(row[column], CultureInfo.InvariantCulture) ?? "";

    // A select takes its value from a script (Selenium's SelectElement is in a package the tests do not reference).
    private void Choose(string css, string value) =>
        Chrome.Driver.ExecuteScript("document.querySelector(arguments[0]).value = arguments[1];", css, value);

    private System.Collections.ObjectModel.ReadOnlyCollection<IWebElement> Rows() => Chrome.Driver.FindElements(By.CssSelector("#items tbody tr"));

    private void SelectAll()
    {
        foreach (var box in Chrome.Driver.FindElements(By.CssSelector("#items tbody input[type='checkbox']")))
        {
            box.Click();
        }
    }

    /// <summary>The file the browser saved, once it is whole (Chromium writes a .crdownload first).</summary>
    private static async Task<byte[]> DownloadedAsync(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        await Eventually.TrueAsync(() => File.Exists(path) && !File.Exists(path + ".crdownload"));
        return await File.ReadAllBytesAsync(path);
    }
}

public sealed class BatchPagesTestsOnSqlite() : BatchPagesTests(StorageProvider.Sqlite);

public sealed class BatchPagesTestsOnPostgres() : BatchPagesTests(StorageProvider.Postgres);
