using Bot.Tests.Unit.Support;
using Bot.Worker.Awareness;
using Bot.Worker.Storage;
using Bot.Worker.Templating;
using Dapper;

namespace Bot.Tests.Unit.Awareness;

/// <summary>The alert use cases behind /broadcast, /approve and /reject: the rules every door gets.</summary>
public sealed class BroadcastProposalsTests
{
    private static readonly DateTimeOffset TenAm = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private const long Proposer = 42, Other = 43;

    [Fact]
    public async Task A_text_alert_reaches_each_subscriber_escaped_inside_the_alert_template_in_their_language()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", TenAm);
        await ExecAsync(bot, "INSERT INTO chats (chat_id, user_id, language, status, status_at, created_at, updated_at) VALUES (@Id, @Id, @Language, 'active', 0, 0, 0)",
            new[] { new { Id = 100001L, Language = "en" }, new { Id = 100002L, Language = "zh-Hans" } });
        await ExecAsync(bot, "INSERT INTO subscriptions (chat_id, topic, since) VALUES (@Id, 'alerts', 0)", new[] { new { Id = 100001L }, new { Id = 100002L } });
        var liveBefore = bot.Get<TemplateCatalog>().Get("alert", "en").Version;
        var proposals = bot.Get<BroadcastProposals>();

        var proposed = await proposals.ProposeAsync(new AlertProposal(Proposer, "alerts", null, "\r\nFake <b>courier</b> calls & texts\r\nHang up.\n\n", "alert:t1"), CancellationToken.None);
        Assert.Equal(ProposalOutcome.Proposed, proposed.Outcome);
        Assert.Equal("Fake <b>courier</b> calls & texts\nHang up.", proposed.Broadcast!.Text);
        Assert.Equal(2, proposed.Audience);
        var approved = await proposals.ApproveAsync(proposed.Broadcast.Id, Other, CancellationToken.None);
        Assert.Equal(BroadcastDecision.Approved, approved.Outcome);
        await bot.Get<BroadcastEnqueuer>().RunAsync(proposed.Broadcast.Id, CancellationToken.None);

        var texts = (await QueryAsync(bot, "SELECT chat_id, text FROM outbox WHERE broadcast_id = @Id ORDER BY chat_id", new { proposed.Broadcast.Id })).ToList();
        Assert.Equal(2, texts.Count);
        Assert.All(texts, t => Assert.Contains("Fake &lt;b&gt;courier&lt;/b&gt; calls &amp; texts\nHang up.", t.Text, StringComparison.Ordinal));
        Assert.Contains("Fraud alert</b>", texts[0].Text, StringComparison.Ordinal);
        Assert.Contains("反诈预警", texts[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("safe account", texts[0].Text, StringComparison.Ordinal);
        Assert.Equal(liveBefore, bot.Get<TemplateCatalog>().Get("alert", "en").Version);
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = '/broadcast' AND detail LIKE '%+ text (%'"));
    }

    [Fact]
    public async Task The_proposer_cannot_approve_their_own_alert_and_the_attempt_is_audited()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", TenAm);
        var proposals = bot.Get<BroadcastProposals>();
        var id = (await proposals.ProposeAsync(new AlertProposal(Proposer, "alerts", null, "Hang up.", "alert:t2"), CancellationToken.None)).Broadcast!.Id;

        var own = await proposals.ApproveAsync(id, Proposer, CancellationToken.None);

        Assert.Equal(BroadcastDecision.OwnProposal, own.Outcome);
        Assert.False(own.Decided);
        Assert.Equal(BroadcastState.PendingApproval, (await bot.Get<BroadcastStore>().FindAsync(id, CancellationToken.None))!.State);
        Assert.Equal(1, await bot.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = '/approve' AND allowed = 0 AND user_id = @Proposer", new { Proposer }));
        Assert.Equal(BroadcastDecision.Rejected, (await proposals.RejectAsync(id, Other, CancellationToken.None)).Outcome);
        Assert.Equal(BroadcastDecision.AlreadyDecided, (await proposals.ApproveAsync(id, Other, CancellationToken.None)).Outcome);
    }

    [Theory]
    [InlineData(9000)] // longer than the limit on its own
    [InlineData(8100)] // fits alone, not with the template around it
    public async Task A_text_too_long_for_the_output_limit_is_refused_naming_the_limit(int length)
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", TenAm);

        var result = await bot.Get<BroadcastProposals>().ProposeAsync(new AlertProposal(Proposer, "alerts", null, new string('x', length), "alert:t3"), CancellationToken.None);

        Assert.Equal(ProposalOutcome.TextTooLong, result.Outcome);
        Assert.Equal(TemplateValidator.MaxVisibleLength, result.Limit);
        Assert.True(result.Length > result.Limit, $"{result.Length}");
        Assert.Equal(0, await bot.ScalarAsync("SELECT COUNT(*) FROM broadcasts"));
    }

    [Fact]
    public async Task Bad_input_is_refused_before_anything_is_stored()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", TenAm);
        var proposals = bot.Get<BroadcastProposals>();

        Assert.Equal(ProposalOutcome.UnknownTopic, (await proposals.ProposeAsync(new AlertProposal(Proposer, "news", null, "hi", "a:1"), CancellationToken.None)).Outcome);
        Assert.Equal(ProposalOutcome.EmptyText, (await proposals.ProposeAsync(new AlertProposal(Proposer, "alerts", null, " \n \n", "a:2"), CancellationToken.None)).Outcome);
        Assert.Equal(ProposalOutcome.UnknownTemplate, (await proposals.ProposeAsync(new AlertProposal(Proposer, "alerts", "welcome", null, "a:3"), CancellationToken.None)).Outcome);
        Assert.Equal(0, await bot.ScalarAsync("SELECT COUNT(*) FROM broadcasts"));
        // A bare '<' is text like any other: escaped, not refused.
        Assert.Equal(ProposalOutcome.Proposed, (await proposals.ProposeAsync(new AlertProposal(Proposer, "alerts", null, "1 < 2 & 3 > 2", "a:4"), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_live_alert_version_that_does_not_show_the_text_refuses_text_alerts()
    {
        await using var bot = await WorkerServices.StartAsync("teams: []", TenAm);
        var saved = await bot.Get<TemplateEditing>().SaveAsync("alert", "zh-Hant", "警示 #{{ broadcast }} {{ topic }} /unsubscribe {{ topic_id }}", Other, CancellationToken.None);
        Assert.Equal(TemplateEditOutcome.Done, saved.Outcome);

        var result = await bot.Get<BroadcastProposals>().ProposeAsync(new AlertProposal(Proposer, "alerts", null, "Hang up.", "alert:t5"), CancellationToken.None);

        Assert.Equal(ProposalOutcome.TemplateIgnoresText, result.Outcome);
        Assert.Equal(("zh-Hant", saved.Version!.Value), (result.Language, result.Version));
        // Template alerts are not affected.
        Assert.Equal(ProposalOutcome.Proposed, (await bot.Get<BroadcastProposals>().ProposeAsync(new AlertProposal(Proposer, "alerts", "alert", null, "alert:t6"), CancellationToken.None)).Outcome);
    }

    private static async Task ExecAsync(WorkerServices bot, string sql, object? args = null)
    {
        await using var connection = await bot.Get<IDatabase>().OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql, args);
    }

    private static async Task<IEnumerable<(long ChatId, string Text)>> QueryAsync(WorkerServices bot, string sql, object? args = null)
    {
        await using var connection = await bot.Get<IDatabase>().OpenAsync(CancellationToken.None);
        return await connection.QueryAsync<(long ChatId, string Text)>(sql, args);
    }
}
