using Bot.Tests.Unit.Support;
using Bot.Worker.Batches;
using Bot.Worker.Deadlines;
using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Batches;

/// <summary>
/// A batch from the console's form on a real SQLite file (the worker's services, fake time): notice 000's list imports
/// from CSV and from XLSX with each number's own attribution; a file with bad rows is refused naming each line and
/// saves nothing; an export read back gives the same items; Done on "act" is refused while items are pending.
/// </summary>
public sealed class BatchImportTests
{
    private const long Admin = 9001, Lead = 9101, Member = 9102;
    private static readonly DateTimeOffset Now = new(2026, 2, 8, 1, 0, 0, TimeSpan.Zero); // 09:00 in Shanghai
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData("notice-000.csv")]
    [InlineData("notice-000.xlsx")]
    public async Task The_notice_list_of_158_phone_and_97_QQ_numbers_imports_with_each_numbers_own_attribution(string fileName)
    {
        await using var bot = await StartAsync();
        var rows = NoticeFile.Rows();
        var file = fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? NoticeFile.Xlsx(rows) : NoticeFile.Csv(rows);

        var result = await bot.Get<BatchImport>().ImportAsync(Admin, Form(fileName, file), Ct);

        Assert.Empty(result.Errors);
        Assert.Null(result.FormProblem);
        Assert.Equal((255, NoticeFile.Mismatches), (result.Items, result.Mismatches));
        var batch = result.Batch!;
        var items = await bot.Get<BatchStore>().ItemsAsync(batch.Id, null, false, 0, 1000, Ct);
        Assert.Equal(NoticeFile.Phones, items.Count(i => i.Kind == BatchItemKind.Phone));
        Assert.Equal(NoticeFile.QQs, items.Count(i => i.Kind == BatchItemKind.QQ));
        Assert.All(items, i => Assert.Equal(BatchItemState.Pending, i.State));
        // Each phone number in E.164 with the attribution its place has, whatever way the file wrote it.
        var phones = items.Where(i => i.Kind == BatchItemKind.Phone).ToList();
        Assert.All(phones, i => Assert.StartsWith("+86", i.Number, StringComparison.Ordinal));
        Assert.Equal(9, phones.Select(i => i.Province).Distinct().Count());
        for (var n = 0; n < phones.Count; n++)
        {
            var place = NoticeFile.Places[n % NoticeFile.Places.Count];
            Assert.Equal(place.Province, phones[n].Province);
            Assert.StartsWith(place.City, phones[n].City, StringComparison.Ordinal);
        }
        // The three rows that reported another province, and only those, are flagged.
        Assert.Equal([3, 8, 13], items.Where(i => i.Mismatch).Select(i => (int)i.Line - 1));
        var shenzhen = Assert.Single(items, i => i.Number == "+86" + NoticeFile.ShenzhenMobileReportedAsSichuan);
        Assert.Equal(("四川", "广东省深圳市", true), (shenzhen.ReportedRegion, shenzhen.Attribution, shenzhen.Mismatch));
        // Two occurrences for the team: act at act_by, report at report_by.
        var act = Assert.Single(await bot.OccurrencesAsync(BatchOccurrences.DeadlineId(batch.Id, BatchOccurrences.Act)));
        var report = Assert.Single(await bot.OccurrencesAsync(BatchOccurrences.DeadlineId(batch.Id, BatchOccurrences.Report)));
        Assert.Equal(new DateTimeOffset(2026, 2, 10, 9, 0, 0, TimeSpan.Zero), act.Due);
        Assert.Equal(new DateTimeOffset(2026, 2, 17, 9, 0, 0, TimeSpan.Zero), report.Due);
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'batch:import' AND user_id = @Admin", new { Admin }));
    }

    [Theory]
    [InlineData("bad.csv")]
    [InlineData("bad.xlsx")]
    public async Task A_file_with_three_bad_rows_is_refused_naming_the_three_lines_and_nothing_is_saved(string fileName)
    {
        await using var bot = await StartAsync();
        var rows = NoticeFile.Rows().ToList();
        rows[9] = rows[9] with { Number = "138-0010-12", Kind = "phone" };  // line 11: too short for a phone number
        rows[99] = rows[99] with { Kind = "fax" };                         // line 101: no such kind
        rows[200] = rows[170];                                             // line 202: the number of line 172 again
        var file = fileName.EndsWith(".xlsx", StringComparison.Ordinal) ? NoticeFile.Xlsx(rows) : NoticeFile.Csv(rows);

        var result = await bot.Get<BatchImport>().ImportAsync(Admin, Form(fileName, file), Ct);

        Assert.False(result.Saved);
        Assert.Equal([(11, BatchProblem.Number), (101, BatchProblem.Kind), (202, BatchProblem.Twice)], result.Errors.Select(e => (e.Line, e.Problem)));
        Assert.Equal("138-0010-12", result.Errors[0].Value);
        Assert.Equal(0, await bot.ScalarAsync("SELECT COUNT(*) FROM batches"));
        Assert.Equal(0, await bot.ScalarAsync("SELECT COUNT(*) FROM batch_items"));
        Assert.Equal(0, await bot.ScalarAsync("SELECT COUNT(*) FROM occurrences"));
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'batch:import' AND detail LIKE 'refused:%lines 11, 101, 202%'"));
    }

    [Fact]
    public async Task Done_on_act_is_refused_while_items_are_pending_and_an_export_read_back_gives_the_same_items()
    {
        await using var bot = await StartAsync();
        var batch = (await bot.Get<BatchImport>().ImportAsync(Admin, Form("notice.csv", NoticeFile.Csv(NoticeFile.Rows())), Ct)).Batch!;
        var store = bot.Get<BatchStore>();
        var work = bot.Get<BatchWork>();
        var items = await store.ItemsAsync(batch.Id, null, false, 0, 1000, Ct);
        var act = (await bot.OccurrencesAsync(BatchOccurrences.DeadlineId(batch.Id, BatchOccurrences.Act)))[0];

        Assert.Equal(BatchSetOutcome.Set, (await work.SetAsync(Member, false, items[0].Id, BatchItemState.Suspended, "", Ct)).Outcome);
        Assert.Equal(BatchSetOutcome.ReasonNeeded, (await work.SetAsync(Member, false, items[1].Id, BatchItemState.NotSuspended, " ", Ct)).Outcome);
        Assert.Equal(BatchSetOutcome.Set, (await work.SetAsync(Member, false, items[1].Id, BatchItemState.NotSuspended, "号码已销户", Ct)).Outcome);
        Assert.Equal(BatchSetOutcome.Set, (await work.SetByNumberAsync(Member, false, batch.Id, items[200].Number, BatchItemState.Reopened, "用户申诉, 核实后开通", Ct)).Outcome);
        Assert.Equal(BatchSetOutcome.NotAllowed, (await work.SetAsync(Admin + 1, false, items[2].Id, BatchItemState.Suspended, "", Ct)).Outcome);

        var refused = await bot.Get<DeadlineActions>().DoneAsync(act, Member, Ct);
        Assert.Equal(("items_pending", 252), (refused.Action, refused.Pending));
        Assert.Equal("open", (await bot.Get<OccurrenceStore>().FindAsync(act.Id, Ct))!.State);

        // The export, read back as a new batch: the same numbers, kinds, regions, states and reasons.
        var (_, csv) = (await bot.Get<BatchExport>().CsvAsync(batch.Id, Admin, Ct))!.Value;
        var again = await bot.Get<BatchImport>().ImportAsync(Admin, Form("batch-1.csv", csv), Ct);
        Assert.Empty(again.Errors);
        var copied = await store.ItemsAsync(again.Batch!.Id, null, false, 0, 1000, Ct);
        // 备注 carries the reason where the state has one, so the note of such an item does not travel.
        static object Shape(BatchItem i) => (i.Number, i.Kind, i.ReportedRegion, i.Province, i.City, i.Mismatch, i.State, i.Reason, BatchItemState.NeedsReason(i.State) ? "" : i.Note);
        Assert.Equal(items.Count, copied.Count);
        var before = await store.ItemsAsync(batch.Id, null, false, 0, 1000, Ct);
        Assert.Equal(before.Select(Shape), copied.Select(Shape));
        Assert.Equal(3, copied.Count(i => i.State != BatchItemState.Pending));

        // Every item set: Done is taken.
        await work.SetManyAsync(Admin, true, batch.Id, [.. before.Where(i => i.State == BatchItemState.Pending).Select(i => i.Id)], BatchItemState.Suspended, "", Ct);
        Assert.Equal("done", (await bot.Get<DeadlineActions>().DoneAsync(act, Member, Ct)).Action);
    }

    [Fact]
    public async Task A_suspended_number_is_a_known_fraud_number_named_by_the_batch_until_it_is_reopened()
    {
        await using var bot = await StartAsync();
        var batch = (await bot.Get<BatchImport>().ImportAsync(Admin, Form("notice.csv", NoticeFile.Csv(NoticeFile.Rows())), Ct)).Batch!;
        var item = (await bot.Get<BatchStore>().ItemsAsync(batch.Id, null, false, 0, 1, Ct))[0];
        var checks = bot.Get<ScamCheckService>();
        var message = "请回电 " + item.Number[3..];
        Assert.Empty((await checks.CheckAsync(message, Ct)).FraudHits);

        await bot.Get<BatchWork>().SetAsync(Member, false, item.Id, BatchItemState.Suspended, "", Ct);
        var red = await checks.CheckAsync(message, Ct);
        Assert.Equal(ScamLevel.Red, red.Level);
        Assert.Contains(red.FraudHits, k => k.Note == batch.Title);

        await bot.Get<BatchWork>().SetAsync(Member, false, item.Id, BatchItemState.Reopened, "误报，已开通", Ct);
        Assert.Empty((await checks.CheckAsync(message, Ct)).FraudHits);
        Assert.Equal(2, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'batch:set' AND user_id = @Member", new { Member }));
    }

    private static BatchForm Form(string fileName, byte[] file) =>
        new("公信安[2012]174号 第五批", "netsec", new DateTime(2026, 2, 10, 17, 0, 0), new DateTime(2026, 2, 17, 17, 0, 0), "zh-Hans", fileName, file);

    private static Task<WorkerServices> StartAsync() => WorkerServices.StartWithScamCheckAsync(Now, $"""
        time_zone: Asia/Shanghai
        teams:
          - id: netsec
            name: 网安总队
            lead: {Lead}
            members: [{Lead}, {Member}]
        deadlines: []
        """);
}
