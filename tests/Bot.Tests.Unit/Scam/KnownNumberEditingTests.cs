using Bot.Tests.Unit.Support;
using Bot.Worker.Scam;

namespace Bot.Tests.Unit.Scam;

/// <summary>The console's known numbers use case on a real SQLite file: what it adds the next check sees, bad input saves nothing, and all of it is audited.</summary>
public sealed class KnownNumberEditingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private const long Admin = 9001;
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_number_added_makes_the_next_check_red_and_is_audited_with_the_admin()
    {
        await using var bot = await StartAsync();
        var editing = bot.Get<KnownNumberEditing>();
        var checks = bot.Get<ScamCheckService>();
        Assert.Equal(ScamLevel.Green, (await checks.CheckAsync("请回电 139-0013-9000", Ct)).Level);

        var (problem, added) = await editing.AddAsync(Admin, "+86 139 0013 9000", "fraud", "冒充客服", Ct);

        Assert.Null(problem);
        Assert.Equal("13900139000", added!.Number.Value);
        var verdict = await checks.CheckAsync("请回电 139-0013-9000", Ct);
        Assert.Equal(ScamLevel.Red, verdict.Level);
        Assert.Contains(verdict.FraudHits, k => k.Value == "13900139000" && k.Note == "冒充客服");
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'known:add' AND user_id = @Admin AND detail LIKE '13900139000 fraud%'", new { Admin }));
        var entry = Assert.Single((await editing.ListAsync(Ct)).Database);
        Assert.Equal((Admin, "fraud", "mobile"), (entry.AddedBy, entry.Category, entry.Type));
        Assert.Equal(Now.ToUnixTimeMilliseconds(), entry.AddedAt);
    }

    [Fact]
    public async Task An_invalid_number_or_kind_or_a_number_listed_already_saves_nothing()
    {
        await using var bot = await StartAsync();
        var editing = bot.Get<KnownNumberEditing>();

        Assert.Equal(KnownNumberProblem.Number, (await editing.AddAsync(Admin, "call 12", "fraud", "", Ct)).Problem);
        Assert.Equal(KnownNumberProblem.Kind, (await editing.AddAsync(Admin, "13900139000", "scam", "", Ct)).Problem);
        Assert.Equal(KnownNumberProblem.AlreadyKnown, (await editing.AddAsync(Admin, "96110", "fraud", "", Ct)).Problem); // in the file, official
        Assert.Null((await editing.AddAsync(Admin, "13900139000", "fraud", "", Ct)).Problem);
        Assert.Equal(KnownNumberProblem.AlreadyKnown, (await editing.AddAsync(Admin, "+86 139-0013-9000", "official", "", Ct)).Problem);

        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM known_numbers"));
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task An_official_number_added_is_named_as_official_and_removing_it_is_audited()
    {
        await using var bot = await StartAsync();
        var editing = bot.Get<KnownNumberEditing>();
        var checks = bot.Get<ScamCheckService>();
        await editing.AddAsync(Admin, "95566", "official", "中国银行客服", Ct);
        Assert.Contains((await checks.CheckAsync("请拨打 95566", Ct)).OfficialHits, k => k.Value == "95566");
        var id = Assert.Single((await editing.ListAsync(Ct)).Database).Id;

        Assert.Equal("95566", (await editing.RemoveAsync(Admin, id, Ct))!.Value);
        Assert.Null(await editing.RemoveAsync(Admin, id, Ct));

        Assert.DoesNotContain((await checks.CheckAsync("请拨打 95566", Ct)).OfficialHits, k => k.Value == "95566");
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'known:remove' AND user_id = @Admin", new { Admin }));
    }

    [Fact]
    public async Task An_import_with_a_bad_line_saves_nothing_and_a_good_one_saves_all_but_what_is_listed_already_in_one_audit_entry()
    {
        await using var bot = await StartAsync();
        var editing = bot.Get<KnownNumberEditing>();

        var refused = await editing.ImportAsync(Admin, "number,kind,note\n13900139000,fraud,a\n139-0013,fraud,b\n", Ct);

        Assert.False(refused.Saved);
        Assert.Equal(3, Assert.Single(refused.Errors).Line);
        Assert.Equal(0, await bot.ScalarAsync("SELECT COUNT(*) FROM known_numbers"));

        var imported = await editing.ImportAsync(Admin, "13900139000,fraud,a\n96110,official,listed in the file\n+86 10 8888 7777,fraud,c\n", Ct);

        Assert.True(imported.Saved);
        Assert.Equal(2, imported.Added);
        Assert.Equal(2, Assert.Single(imported.Skipped).Line);
        Assert.Equal(["01088887777", "13900139000"], (await editing.ListAsync(Ct)).Database.Select(e => e.Value).Order(StringComparer.Ordinal));
        Assert.Equal(2, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'known:import' AND user_id = @Admin", new { Admin }));
        Assert.Equal(ScamLevel.Red, (await bot.Get<ScamCheckService>().CheckAsync("致电 010-8888-7777", Ct)).Level);
    }

    private static Task<WorkerServices> StartAsync() => WorkerServices.StartWithScamCheckAsync(Now);
}
