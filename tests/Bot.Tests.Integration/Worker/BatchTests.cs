using System.Globalization;
using System.Text;
using Bot.FakeTelegram;
using Bot.TestDatabases;
using Bot.Tests.Integration.Support;
using Bot.Tests.Unit.Batches;
using Bot.Worker.Batches;
using Bot.Worker.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.VisualBasic.FileIO;

namespace Bot.Tests.Integration.Worker;

/// <summary>
/// A batch of numbers to act on (PRODUCT 4.10, notice 000) through the real Telegram.Bot client against the fake Bot
/// API server, with real Quartz on a fake clock: notice 000's 255 numbers imported, a member works through /batch with
/// the buttons and a reason in the next message and /batch_set, the act reminder shows the progress, Done is refused
/// while numbers are pending, the report step comes, the export has the states and reasons and reads back as the same
/// items, and a suspended number makes /check red with the batch's title until it is reopened.
/// </summary>
public abstract class BatchTests(StorageProvider provider)
{
    private const long Admin = 8800, Lead = 8801, Member = 8802;
    private const string Title = "公信安[2012]174号 第五批";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_member_works_through_a_batch_in_chat_and_the_reminders_the_export_and_the_check_follow()
    {
        // 2026-02-09 16:30 in Shanghai: act by 2026-02-10 17:00 (first reminder 1 d before, 17:00 today), report by
        // 18:00 the same day (first reminder 18:00 today).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 9, 8, 30, 0, TimeSpan.Zero));
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-batch");
        await File.WriteAllTextAsync(Path.Combine(directory, "deadlines.yaml"), $"""
            time_zone: Asia/Shanghai
            teams:
              - id: netsec
                name: 网安总队
                lead: {Lead}
                members: [{Lead}, {Member}]
            deadlines: []
            """);
        await using var bot = await BotUnderTest.StartAsync(provider, server, s => Configure(s, directory, clock), directory);
        await AskAsync(server, Member, "/lang en");

        var imported = await bot.Get<BatchImport>().ImportAsync(Admin, new BatchForm(Title, "netsec", new DateTime(2026, 2, 10, 17, 0, 0),
            new DateTime(2026, 2, 10, 18, 0, 0), "zh-Hans", "notice-000.csv", NoticeFile.Csv(NoticeFile.Rows())), CancellationToken.None);
        var batch = imported.Batch!;
        Assert.Equal(255, imported.Items);

        // /batch: the progress and the first five pending numbers, three buttons each.
        var view = await AskAsync(server, Member, $"/batch {batch.Id}");
        Assert.Contains("0 of 255 handled", view.VisibleText, StringComparison.Ordinal);
        Assert.Contains("13801001000", view.VisibleText, StringComparison.Ordinal);
        Assert.Equal(15, view.ButtonData.Count);
        Assert.All(view.ButtonData, d => Assert.Matches("^bt:[snr]:[0-9]+$", d));

        // Suspended: set at once, the next view follows.
        view = await PressAsync(server, Member, view, view.ButtonData[0]);
        Assert.Contains("1 of 255 handled", view.VisibleText, StringComparison.Ordinal);
        Assert.Contains("13801001000", view.VisibleText, StringComparison.Ordinal); // what was just set comes first
        // Not suspended: the reason is asked for, and the next message is it.
        var asked = await PressAsync(server, Member, view, view.ButtonData[1]);
        Assert.Contains("13900131000", asked.VisibleText, StringComparison.Ordinal);
        Assert.Contains("reason", asked.VisibleText, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(asked.ButtonData);
        view = await AskAsync(server, Member, "号码已销户，无需暂停");
        Assert.Contains("2 of 255 handled", view.VisibleText, StringComparison.Ordinal);
        Assert.Contains("号码已销户", view.VisibleText, StringComparison.Ordinal);
        // /batch_set by number: a QQ number reopened, with its reason; a state without a reason and a stranger's number are refused.
        var qq = NoticeFile.Rows()[200].Number;
        Assert.Contains("A reason is needed", (await AskAsync(server, Member, $"/batch_set {batch.Id} {qq} reopened")).VisibleText, StringComparison.Ordinal);
        Assert.Contains("is not in batch", (await AskAsync(server, Member, $"/batch_set {batch.Id} 13912345678 suspended")).VisibleText, StringComparison.Ordinal);
        var set = await AskAsync(server, Member, $"/batch_set {batch.Id} {qq} reopened 用户申诉，核实后开通");
        Assert.Contains("3 of 255 handled", set.VisibleText, StringComparison.Ordinal);
        Assert.Equal("reopened", await bot.ScalarAsync<string>("SELECT state FROM batch_items WHERE number = @qq", new { qq }));

        // 17:00: the act reminder, with the progress.
        var before = server.SentTo(Member).Count;
        clock.Advance(TimeSpan.FromMinutes(30));
        var reminder = (await server.WaitForMessagesAsync(Member, before + 1, Wait))[before];
        Assert.Contains("3 of 255 handled, 252 pending, 3 attribution mismatches", reminder.VisibleText, StringComparison.Ordinal);
        Assert.Contains($"/batch {batch.Id}", reminder.VisibleText, StringComparison.Ordinal);
        var act = batch.ActOccurrenceId!.Value;
        Assert.Contains($"dl:done:{act}", reminder.ButtonData);

        // Done while numbers are pending: refused, saying how many, by command and by button.
        var refused = await AskAsync(server, Member, $"/done {act}");
        Assert.Contains("252 items are still pending", refused.VisibleText, StringComparison.Ordinal);
        server.EnqueueCallback(Member, $"dl:done:{act}", Member, reminder.MessageId, languageCode: "en");
        await server.WaitForCallAsync("answerCallbackQuery", c => c.RequestJson.Contains("252 numbers are still pending", StringComparison.Ordinal), Wait);
        Assert.Equal("open", await bot.ScalarAsync<string>("SELECT state FROM occurrences WHERE id = @act", new { act }));

        // The rest set (the console's bulk set, the same use case): Done is taken.
        var pending = await bot.Get<BatchStore>().ItemsAsync(batch.Id, BatchItemState.Pending, false, 0, 1000, CancellationToken.None);
        await bot.Get<BatchWork>().SetManyAsync(Admin, true, batch.Id, [.. pending.Select(i => i.Id)], BatchItemState.Suspended, "", CancellationToken.None);
        server.EnqueueText(Member, $"/done {act}", languageCode: "en");
        await server.WaitForMessageAsync(m => m.ChatId == Member && m.VisibleText.Contains("Marked done", StringComparison.Ordinal), Wait);
        await bot.WaitForAsync("SELECT state FROM occurrences WHERE id = @act", "done", new { act });
        // The team's "closed by" note has gone out too, before the next step counts messages.
        await bot.WaitForAsync("SELECT COUNT(*) FROM outbox WHERE kind = 'deadline-closed' AND chat_id = @Member AND state = 'sent'", 1L, new { Member });

        // 18:00: the report step's reminder.
        clock.Advance(TimeSpan.FromHours(1));
        var report = await server.WaitForMessageAsync(m => m.ChatId == Member && m.VisibleText.Contains("Report each number's result", StringComparison.Ordinal), Wait);
        Assert.Contains("255 of 255 handled", report.VisibleText, StringComparison.Ordinal);
        Assert.Contains($"dl:done:{batch.ReportOccurrenceId}", report.ButtonData);

        // The export, in the batch's language: the states and the reasons.
        var (_, csv) = (await bot.Get<BatchExport>().CsvAsync(batch.Id, Admin, CancellationToken.None))!.Value;
        var rows = ReadCsv(csv);
        Assert.Equal(["号码", "类型", "上报归属地", "号码归属地", "暂停状态", "备注", "处理人", "处理时间"], rows[0]);
        Assert.Equal(256, rows.Count);
        var first = rows.Single(r => r[0] == "13801001000");
        Assert.Equal(("电话", "北京", "北京市", "已暂停", "2026-02-09 16:30"), (first[1], first[2], first[3], first[4], first[7]));
        var notSuspended = rows.Single(r => r[0] == "13900131000");
        Assert.Equal(("未暂停", "号码已销户，无需暂停"), (notSuspended[4], notSuspended[5]));
        var reopened = rows.Single(r => r[0] == qq);
        Assert.Equal(("QQ", "已开通", "用户申诉，核实后开通"), (reopened[1], reopened[4], reopened[5]));
        Assert.Equal(253, rows.Count(r => r[4] == "已暂停"));
        var mismatch = rows.Single(r => r[0] == NoticeFile.ShenzhenMobileReportedAsSichuan);
        Assert.Equal(("四川", "广东省深圳市"), (mismatch[2], mismatch[3]));

        // A suspended number is a known fraud number named by the batch; reopened, it is not.
        var check = await AskAsync(server, Member, "/check 请回电 138 0100 1000");
        Assert.StartsWith("🔴", check.VisibleText, StringComparison.Ordinal);
        Assert.Contains(Title, check.VisibleText, StringComparison.Ordinal);
        await AskAsync(server, Member, $"/batch_set {batch.Id} 13801001000 reopened 误报，已核实");
        check = await AskAsync(server, Member, "/check 请回电 138 0100 1000");
        Assert.False(check.VisibleText.StartsWith("🔴", StringComparison.Ordinal), check.VisibleText);
        Assert.DoesNotContain(Title, check.VisibleText, StringComparison.Ordinal);

        // Re-importing the export gives the same items.
        (_, csv) = (await bot.Get<BatchExport>().CsvAsync(batch.Id, Admin, CancellationToken.None))!.Value;
        var again = await bot.Get<BatchImport>().ImportAsync(Admin, new BatchForm(Title + " (copy)", "netsec", new DateTime(2026, 2, 12, 17, 0, 0),
            new DateTime(2026, 2, 19, 17, 0, 0), "zh-Hans", "batch-1.csv", csv), CancellationToken.None);
        Assert.Empty(again.Errors);
        // 备注 carries the reason where the state has one, so the note of such an item does not travel.
        static object Shape(BatchItem i) => (i.Number, i.Kind, i.ReportedRegion, i.Province, i.City, i.Mismatch, i.State, i.Reason, BatchItemState.NeedsReason(i.State) ? "" : i.Note);
        var original = await bot.Get<BatchStore>().ItemsAsync(batch.Id, null, false, 0, 1000, CancellationToken.None);
        var copy = await bot.Get<BatchStore>().ItemsAsync(again.Batch!.Id, null, false, 0, 1000, CancellationToken.None);
        Assert.Equal(original.Select(Shape), copy.Select(Shape));
        Assert.True(await bot.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'batch:set'") >= 256);
    }

    [Fact]
    public async Task Batch_commands_with_bad_input_answer_with_a_usage_hint()
    {
        await using var server = await FakeBotApiServer.StartAsync();
        var directory = RepoPaths.NewTempDirectory("bot-batch");
        await File.WriteAllTextAsync(Path.Combine(directory, "deadlines.yaml"), $"""
            time_zone: Asia/Shanghai
            teams:
              - id: netsec
                name: Network security
                lead: {Lead}
                members: [{Lead}, {Member}]
            deadlines: []
            """);
        await using var bot = await BotUnderTest.StartAsync(provider, server, s => s.Configuration["Bot:DeadlinesFile"] = Path.Combine(directory, "deadlines.yaml"), directory);

        Assert.Contains("No open batches", (await AskAsync(server, Member, "/batches")).VisibleText, StringComparison.OrdinalIgnoreCase);
        foreach (var bad in new[] { "/batch", "/batch 99", "/batch abc", "/batch_set", "/batch_set 1 13800138000", "/batch_set 99 13800138000 suspended" })
        {
            var hint = await AskAsync(server, Member, bad);
            Assert.Contains("/batch", hint.VisibleText, StringComparison.Ordinal);
            Assert.DoesNotContain("went wrong", hint.VisibleText, StringComparison.OrdinalIgnoreCase);
        }
        // Not a team member: told the command is for teams.
        Assert.Contains("team", (await AskAsync(server, 8899, "/batches")).VisibleText, StringComparison.OrdinalIgnoreCase);
    }

    private static void Configure(WorkerHostSettings settings, string directory, TimeProvider clock)
    {
        settings.TimeProvider = clock;
        settings.Configuration["Bot:DeadlinesFile"] = Path.Combine(directory, "deadlines.yaml");
        settings.Configuration["Bot:Admins:0"] = Admin.ToString(CultureInfo.InvariantCulture);
    }

    private static Task<SentMessage> AskAsync(FakeBotApiServer server, long user, string text) => ConsoleSignIn.AskAsync(server, user, text);

    /// <summary>Presses a button under <paramref name="message"/>; the bot's next message to the user.</summary>
    private static async Task<SentMessage> PressAsync(FakeBotApiServer server, long user, SentMessage message, string data)
    {
        var before = server.SentTo(user).Count;
        server.EnqueueCallback(user, data, user, message.MessageId, languageCode: "en");
        return (await server.WaitForMessagesAsync(user, before + 1, Wait))[before];
    }

    private static List<string[]> ReadCsv(byte[] csv)
    {
        using var parser = new TextFieldParser(new StringReader(Encoding.UTF8.GetString(csv).TrimStart('\uFEFF'))) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
        {
            rows.Add(parser.ReadFields()!);
        }
        return rows;
    }
}

public sealed class BatchTestsOnSqlite() : BatchTests(StorageProvider.Sqlite);

public sealed class BatchTestsOnPostgres() : BatchTests(StorageProvider.Postgres);
