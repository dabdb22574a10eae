using Bot.Tests.Unit.Support;
using Bot.Worker.Templating;

namespace Bot.Tests.Unit.Templating;

/// <summary>Saving and rolling back templates as a service: checks, live version, audit.</summary>
public sealed class TemplateEditingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_refused_save_keeps_the_live_version_and_is_audited_with_its_reason()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", Now);
        var editing = bot.Get<TemplateEditing>();
        var live = bot.Get<TemplateCatalog>().Get("verify", "en").Version;

        var refused = await editing.SaveAsync("verify", "en", "line one\n{{ if }}", 7, CancellationToken.None);

        Assert.Equal(TemplateEditOutcome.Refused, refused.Outcome);
        Assert.Equal(2, refused.Problem!.Line);
        Assert.Equal(live, refused.LiveVersion);
        Assert.Equal(live, bot.Get<TemplateCatalog>().Get("verify", "en").Version);
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE user_id = 7 AND action = '/template_set' AND detail LIKE '%refused%'"));
    }

    [Fact]
    public async Task A_chinese_save_with_ascii_punctuation_is_refused_naming_the_full_width_form()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", Now);
        var editing = bot.Get<TemplateEditing>();
        var live = bot.Get<TemplateCatalog>().Get("verify", "zh-Hans").Version;

        var refused = await editing.SaveAsync("verify", "zh-Hans", "<b>如何确认:</b>\n请拨打 {{ bot.hotline }}", 7, CancellationToken.None);

        Assert.Equal(TemplateEditOutcome.Refused, refused.Outcome);
        Assert.Equal(new TemplateProblem(1, 8, "ASCII ':' after Chinese text; use '：'"), refused.Problem);
        Assert.Equal(live, bot.Get<TemplateCatalog>().Get("verify", "zh-Hans").Version);
        var saved = await editing.SaveAsync("verify", "zh-Hans", "<b>如何确认：</b>\n请拨打 {{ bot.hotline }}", 7, CancellationToken.None);
        Assert.Equal(TemplateEditOutcome.Done, saved.Outcome);
    }

    [Fact]
    public async Task A_save_goes_live_and_a_rollback_brings_the_old_version_back()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", Now);
        var editing = bot.Get<TemplateEditing>();
        var old = bot.Get<TemplateCatalog>().Get("verify", "en").Version;

        var saved = await editing.SaveAsync("verify", "en", "<b>Check the bot's name</b>", 7, CancellationToken.None);
        Assert.Equal(TemplateEditOutcome.Done, saved.Outcome);
        Assert.Equal(saved.Version, bot.Get<TemplateCatalog>().Get("verify", "en").Version);

        Assert.Equal(TemplateEditOutcome.Done, await editing.RollbackAsync("verify", "en", old, 8, CancellationToken.None));
        Assert.Equal(old, bot.Get<TemplateCatalog>().Get("verify", "en").Version);
        Assert.Equal(TemplateEditOutcome.Unknown, await editing.RollbackAsync("verify", "en", 999, 8, CancellationToken.None));
        Assert.Equal(TemplateEditOutcome.Unknown, (await editing.SaveAsync("nope", "en", "x", 7, CancellationToken.None)).Outcome);
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE user_id = 8 AND action = '/rollback'"));
    }
}
