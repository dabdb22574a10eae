using Bot.TestDatabases;
using Bot.Tests.Unit.Support;
using Bot.Worker.Audit;
using Bot.Worker.Awareness;
using Bot.Worker.Chats;
using Bot.Worker.Deadlines;
using Bot.Worker.Delivery;
using Bot.Worker.Reports;
using Bot.Worker.Scam;
using Bot.Worker.Storage;
using Bot.Worker.Templating;
using Bot.Worker.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Unit.Storage;

/// <summary>Every store's SQL against a real database of each provider (the subclasses pick it).</summary>
public abstract class StoreTests(StorageProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private TempDatabase _db = null!;

    private IDatabase Db => _db.Database;

    public async Task InitializeAsync() => _db = await TempDatabase.CreateAsync(_clock, provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Outbox_rows_are_keyed_once_and_move_through_their_states()
    {
        var outbox = new OutboxStore(Db, _clock, new DispatchSignal(), new Bot.Worker.Cluster.AlwaysLeader(new Bot.Worker.Cluster.ClusterNode("test"), new Bot.Worker.Cluster.LeaseStore(Db)), new Bot.Worker.Cluster.SingleNodeSignals());
        var delivery = Fencing.Store(Db, _clock);
        var messages = Enumerable.Range(1, 600).Select(i => new OutgoingMessage($"k{i}", 5_000_000_000L + i, "hi", MessagePriority.Tip, "test")).ToList();

        Assert.Equal(600, await outbox.EnqueueManyAsync(messages, CancellationToken.None));
        Assert.Equal(0, await outbox.EnqueueManyAsync(messages, CancellationToken.None));
        var page = await delivery.FetchPendingAsync((int)MessagePriority.Tip, 0, 1000, CancellationToken.None);
        Assert.Equal(600, page.Count);
        Assert.Equal(5_000_000_001L, page[0].ChatId);

        var term = await Fencing.ClaimAsync(Db, delivery, page[0].Id, page[1].Id, page[2].Id);
        await delivery.MarkSentBatchAsync([(page[0].Id, 77, term), (page[1].Id, 78, term)], CancellationToken.None);
        await delivery.MarkDeferredAsync(page[2].Id, term, _clock.GetUtcNow().AddMinutes(1), true, "5xx", CancellationToken.None);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(1), await delivery.PromoteDueAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await delivery.PromoteDueAsync(CancellationToken.None));
        Assert.Equal(1, await delivery.BlockChatAsync(page[3].ChatId, "403", CancellationToken.None));

        var states = await delivery.CountByStateSinceAsync(_clock.GetUtcNow().AddDays(-1), CancellationToken.None);
        Assert.Equal(2, states["sent"]);
        Assert.Equal(1, states["blocked"]);
        Assert.Equal(597, states["pending"]);
    }

    [Fact]
    public async Task Claims_take_only_pending_rows_go_back_in_one_statement_each_and_a_later_term_fences_off_the_earlier_ones_writes()
    {
        var outbox = new OutboxStore(Db, _clock, new DispatchSignal(), new Bot.Worker.Cluster.AlwaysLeader(new Bot.Worker.Cluster.ClusterNode("test"), new Bot.Worker.Cluster.LeaseStore(Db)), new Bot.Worker.Cluster.SingleNodeSignals());
        var delivery = Fencing.Store(Db, _clock, "node-a");
        await outbox.EnqueueManyAsync([.. Enumerable.Range(1, 6).Select(i => new OutgoingMessage($"c{i}", 7_000_000_000L + i, "hi", MessagePriority.Tip, "test"))], CancellationToken.None);
        var ids = (await delivery.FetchPendingAsync((int)MessagePriority.Tip, 0, 10, CancellationToken.None)).Select(r => r.Id).ToList();
        var term = await Fencing.ClaimAsync(Db, delivery, ids[0]);
        Assert.Equal(1, await delivery.MarkSentBatchAsync([(ids[0], 1, term)], CancellationToken.None));

        Assert.Equal(ids.Skip(1).Take(2).Order(), (await delivery.ClaimAsync([ids[0], ids[1], ids[2]], term, CancellationToken.None)).Order());
        // Already claimed: not claimed again.
        Assert.Equal([ids[3]], await delivery.ClaimAsync([ids[1], ids[3]], term, CancellationToken.None));
        Assert.Equal([ids[4], ids[5]], (await delivery.FetchPendingAsync((int)MessagePriority.Tip, 0, 10, CancellationToken.None)).Select(r => r.Id));
        await delivery.ReleaseClaimsAsync([ids[0], ids[1], ids[2]], term, CancellationToken.None);
        Assert.Equal([ids[1], ids[2], ids[4], ids[5]], (await delivery.FetchPendingAsync((int)MessagePriority.Tip, 0, 10, CancellationToken.None)).Select(r => r.Id));

        // Another node takes over with the next term: whatever the earlier term still tries is refused by the database.
        var next = await Fencing.NewTermAsync(Db, "node-b");
        Assert.Empty(await delivery.ClaimAsync([ids[4]], term, CancellationToken.None));
        Assert.Equal(0, await delivery.MarkSentBatchAsync([(ids[3], 2, term)], CancellationToken.None));
        await delivery.MarkFinalAsync(ids[3], term, DeliveryState.Failed, "late", CancellationToken.None);
        await delivery.MarkDeferredAsync(ids[3], term, _clock.GetUtcNow(), true, "late", CancellationToken.None);
        await delivery.ReleaseClaimsAsync([ids[3]], term, CancellationToken.None);
        Assert.Equal("sending", await StateAsync(ids[3]));
        // The new term releases what the earlier one left in flight, and only it may write its results.
        var left = await delivery.ReleaseLeftInFlightAsync([], next, CancellationToken.None);
        Assert.Equal([(ids[3], (string?)"node-a")], left);
        Assert.Equal([ids[3]], await delivery.ClaimAsync([ids[3]], next, CancellationToken.None));
        Assert.Equal(1, await delivery.MarkSentBatchAsync([(ids[3], 3, next)], CancellationToken.None));
        var states = await delivery.CountByStateSinceAsync(_clock.GetUtcNow().AddDays(-1), CancellationToken.None);
        Assert.Equal(2, states["sent"]);
        Assert.Equal(4, states["pending"]);
    }

    private async Task<string> StateAsync(long id) =>
        await Db.ScalarAsync<string>("SELECT state FROM outbox WHERE id = @id", new { id }, CancellationToken.None) ?? "missing";

    [Fact]
    public async Task Chats_subscriptions_and_forget()
    {
        var chats = new ChatStore(Db, _clock);
        var subscriptions = new SubscriptionStore(Db, _clock);
        var tips = new TipHistoryStore(Db, _clock);
        var chat = await chats.TouchAsync(new IncomingMessage("m1", 7_000_000_001, ChatKind.Private, new UserRef(7_000_000_001, "Wang", "wang", "zh-hans"), 1, "/start"), CancellationToken.None);
        Assert.Equal("zh-Hans", chat.Language);

        Assert.Equal(["tips", "alerts"], await subscriptions.SubscribeAsync(chat.ChatId, ["tips", "alerts"], "/subscribe", CancellationToken.None));
        Assert.Empty(await subscriptions.SubscribeAsync(chat.ChatId, ["tips"], "/subscribe", CancellationToken.None));
        Assert.Equal(["alerts"], await subscriptions.UnsubscribeAsync(chat.ChatId, ["alerts"], "/unsubscribe", CancellationToken.None));
        Assert.Equal(3, (await subscriptions.ConsentLogAsync(chat.ChatId, 10, CancellationToken.None)).Count);
        Assert.Equal([("tips", "zh-Hans", 1)], await subscriptions.CountByTopicAndLanguageAsync(CancellationToken.None));
        await tips.RecordAsync([new TipGiven(chat.ChatId, "t1", false), new TipGiven(chat.ChatId, "t2", false)], CancellationToken.None);
        await tips.RecordAsync([new TipGiven(chat.ChatId, "t3", true)], CancellationToken.None);
        Assert.Equal(["t3"], await tips.SeenAsync(chat.ChatId, CancellationToken.None));

        await Db.InTransactionAsync(async ct =>
        {
            await subscriptions.ForgetChatAsync(chat.ChatId, ct);
            await tips.ForgetChatAsync(chat.ChatId, ct);
            await Fencing.Store(Db, _clock).ForgetChatAsync(chat.ChatId, ct);
            await chats.ForgetAsync(chat.ChatId, ct);
        }, CancellationToken.None);

        Assert.Equal(ChatStatus.Forgotten, (await chats.FindAsync(chat.ChatId, CancellationToken.None))!.Status);
        Assert.Empty(await subscriptions.GetAsync(chat.ChatId, CancellationToken.None));
        Assert.Empty(await tips.SeenAsync(chat.ChatId, CancellationToken.None));
        Assert.Equal(1, (await chats.CountByStatusAsync(CancellationToken.None))[ChatStatus.Forgotten]);
    }

    [Fact]
    public async Task Teams_sync_invites_and_leads()
    {
        var teams = new TeamStore(Db, _clock);
        await teams.SyncAsync([new TeamDefinition("netsec", "Network security", 1001, [1001, 1002], -1001234567890)], CancellationToken.None);
        var (code, _) = await teams.CreateInviteAsync("netsec", 1, CancellationToken.None);

        Assert.Equal(("netsec", false), await teams.JoinAsync(code.ToLowerInvariant(), 3_000_000_000, CancellationToken.None));
        Assert.Null(await teams.JoinAsync(code, 3_000_000_001, CancellationToken.None));
        Assert.Equal([1001L, 1002L, 3_000_000_000L, -1001234567890L], await teams.ChatsAsync("netsec", CancellationToken.None));
        Assert.Equal(1001, await teams.LeadAsync("netsec", CancellationToken.None));
        Assert.Equal(["Network security"], await teams.TeamNamesAsync(3_000_000_000, CancellationToken.None));
        await teams.SyncAsync([new TeamDefinition("netsec", "Network security", 1002, [1002], null)], CancellationToken.None);
        Assert.Equal([1002L, 3_000_000_000L], await teams.ChatsAsync("netsec", CancellationToken.None));
    }

    [Fact]
    public async Task Occurrences_steps_events_snoozes_extensions_and_plans()
    {
        var store = new OccurrenceStore(Db, _clock);
        var due = _clock.GetUtcNow().AddDays(2);
        var occurrence = new Occurrence { DeadlineId = "report", OccurrenceKey = "report@1", TeamId = "netsec", Title = "Report", DueAt = due.ToUnixTimeMilliseconds(), State = OccurrenceState.Open };
        var (created, isNew) = await store.CreateAsync(occurrence, [(new PlannedStep(StepName.Remind("1d"), due.AddDays(-1)), StepState.Scheduled), (new PlannedStep(StepName.Escalate, due.AddHours(1), TimeSpan.FromHours(4)), StepState.Scheduled)], CancellationToken.None);
        Assert.True(isNew);
        Assert.False((await store.CreateAsync(occurrence, [], CancellationToken.None)).Created);
        Assert.Equal([created.Id], (await store.ListOpenOfDeadlineAsync("report", null, CancellationToken.None)).Select(o => o.Id));
        Assert.Equal(1, await store.CountFiringAsync(created.Id, StepName.Escalate, CancellationToken.None));
        await store.SetStepStateAsync(created.Id, StepName.Remind("1d"), StepState.Sent, null, CancellationToken.None);
        Assert.Equal(StepState.Sent, (await store.StepsAsync(created.Id, CancellationToken.None))[0].State);
        await store.AddEventsAsync([new OccurrenceEvent(created.Id, "reminded", 1001, 1001, "remind:1d", 1, null), new OccurrenceEvent(created.Id, "reminded", 1002, 1002, "remind:1d", 1, null)], CancellationToken.None);

        var snoozes = new SnoozeStore(Db);
        await snoozes.SetAsync(created.Id, 1002, _clock.GetUtcNow().AddHours(1), CancellationToken.None);
        Assert.Equal([1002L], await snoozes.ListActiveAsync(created.Id, _clock.GetUtcNow(), CancellationToken.None));
        var extensions = new ExtensionStore(Db, _clock);
        var request = await extensions.AddAsync(created.Id, 1002, "data late", TimeSpan.FromDays(1), CancellationToken.None);
        Assert.True(await extensions.DecideAsync(request, true, 1001, CancellationToken.None));
        Assert.False(await extensions.DecideAsync(request, false, 1001, CancellationToken.None));
        var plans = new DeadlinePlanStore(Db);
        await plans.SaveAsync("report", "abc", due, CancellationToken.None);
        await plans.SaveAsync("report", "def", due, CancellationToken.None);
        Assert.Equal("def", (await plans.ListAsync(CancellationToken.None)).Single().Fingerprint);

        Assert.True(await store.CloseAsync(created.Id, OccurrenceState.Done, 1001, CancellationToken.None));
        Assert.False(await store.CloseAsync(created.Id, OccurrenceState.Done, 1002, CancellationToken.None));
        Assert.Single(await store.ListDoneSinceAsync(_clock.GetUtcNow().AddDays(-1), CancellationToken.None));
        Assert.Empty(await store.ListOpenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_evidence_line_of_a_send_is_written_once_and_lines_without_a_send_repeat()
    {
        var store = new OccurrenceStore(Db, _clock);
        OccurrenceEvent[] lines =
        [
            new(1, "reminded", 1001, 1001, "remind:1d", 1, SendKey: "dl:1:remind:1d@100:1001"),
            new(1, "reminded", 1002, 1002, "remind:1d", 1, SendKey: "dl:1:remind:1d@100:1002"),
            new(1, "snoozed", 1002),
        ];

        Assert.Equal(3, await store.AddEventsAsync(lines, CancellationToken.None));
        Assert.Equal(1, await store.AddEventsAsync(lines, CancellationToken.None));
        Assert.Equal(1, await store.AddEventsAsync([lines[0] with { SendKey = "dl:1:remind:1d@200:1001" }], CancellationToken.None));

        var events = await new EvidenceStore(Db).EventsOfAsync(1, CancellationToken.None);
        Assert.Equal(["reminded", "reminded", "snoozed", "snoozed", "reminded"], events.Select(e => e.Kind));
    }

    [Fact]
    public async Task Template_versions_go_live_and_roll_back()
    {
        var templates = new TemplateStore(Db, _clock);
        Assert.Equal(1, await templates.AddAsync("welcome", "en", "v1", TemplateStore.FileOrigin, null, null, true, CancellationToken.None));
        Assert.Equal(2, await templates.AddAsync("welcome", "en", "v2", TemplateStore.AdminOrigin, 42, "edit", true, CancellationToken.None));
        Assert.Equal("v2", (await templates.LiveAsync(CancellationToken.None)).Single().Source);
        Assert.True(await templates.MakeLiveAsync("welcome", "en", 1, 42, CancellationToken.None));
        Assert.False(await templates.MakeLiveAsync("welcome", "en", 9, 42, CancellationToken.None));
        var history = await templates.HistoryAsync("welcome", "en", CancellationToken.None);
        Assert.Equal([false, true], history.Select(v => v.IsLive));
    }

    [Fact]
    public async Task A_broadcast_keeps_its_own_text_as_typed()
    {
        var broadcasts = new BroadcastStore(Db, _clock);
        const string text = "Fake <b>courier</b> & co\n第二行 '引号'";
        var (id, _) = await broadcasts.CreateAsync(new Broadcast { RunKey = "alert:text", Kind = BroadcastKind.Alert, Topic = "alerts", Template = "alert", Text = text, State = BroadcastState.PendingApproval, ProposedBy = 1 }, CancellationToken.None);
        var (plain, _) = await broadcasts.CreateAsync(new Broadcast { RunKey = "alert:plain", Kind = BroadcastKind.Alert, Topic = "alerts", Template = "alert", State = BroadcastState.PendingApproval, ProposedBy = 1 }, CancellationToken.None);

        Assert.Equal(text, (await broadcasts.FindAsync(id, CancellationToken.None))!.Text);
        Assert.Null((await broadcasts.FindAsync(plain, CancellationToken.None))!.Text);
        Assert.Null((await broadcasts.LatestAsync(CancellationToken.None))!.Text);
    }

    [Fact]
    public async Task Calendar_keys_are_one_per_team_and_a_replacement_wins()
    {
        var keys = new CalendarKeyStore(Db, _clock);
        Assert.Null(await keys.FindAsync("netsec", CancellationToken.None));

        Assert.Equal("first", await keys.AddIfMissingAsync("netsec", "first", CancellationToken.None));
        Assert.Equal("first", await keys.AddIfMissingAsync("netsec", "second", CancellationToken.None));
        await keys.ReplaceAsync("netsec", "third", 7, CancellationToken.None);
        await keys.ReplaceAsync("other", "own", 7, CancellationToken.None);

        Assert.Equal("third", await keys.FindAsync("netsec", CancellationToken.None));
        Assert.Equal("own", await keys.FindAsync("other", CancellationToken.None));
    }

    [Fact]
    public async Task Broadcasts_audiences_progress_and_audit()
    {
        var chats = new ChatStore(Db, _clock);
        var subscriptions = new SubscriptionStore(Db, _clock);
        foreach (var id in new[] { 9_000_000_003L, 9_000_000_001L, 9_000_000_002L })
        {
            await chats.TouchAsync(new IncomingMessage($"m{id}", id, ChatKind.Private, new UserRef(id, "U", null, "en"), 1, "/start"), CancellationToken.None);
            await subscriptions.SubscribeAsync(id, ["alerts"], "/subscribe", CancellationToken.None);
        }
        var broadcasts = new BroadcastStore(Db, _clock);
        var (id1, created) = await broadcasts.CreateAsync(new Broadcast { RunKey = "alert:1", Kind = BroadcastKind.Alert, Topic = "alerts", Template = "alert", State = BroadcastState.PendingApproval, ProposedBy = 1 }, CancellationToken.None);
        Assert.True(created);
        Assert.Equal((id1, false), await broadcasts.CreateAsync(new Broadcast { RunKey = "alert:1", Topic = "alerts", Template = "alert" }, CancellationToken.None));
        Assert.True(await broadcasts.DecideAsync(id1, true, 2, CancellationToken.None));
        Assert.False(await broadcasts.DecideAsync(id1, true, 2, CancellationToken.None));
        Assert.Equal(3, await broadcasts.AudienceAsync("alerts", CancellationToken.None));
        var batch = await broadcasts.SubscribersAsync("alerts", long.MinValue, 2, CancellationToken.None);
        Assert.Equal([9_000_000_001L, 9_000_000_002L], batch.Select(c => c.ChatId));
        await broadcasts.SetCursorAsync(id1, batch[^1].ChatId, 2, CancellationToken.None);
        Assert.Equal(9_000_000_002L, (await broadcasts.FindAsync(id1, CancellationToken.None))!.CursorChatId);
        Assert.Single(await broadcasts.ResumableAsync(CancellationToken.None));

        var audit = new AuditStore(Db, _clock);
        await audit.WriteAsync(2, "/approve", "#1", true, CancellationToken.None);
        await audit.WriteAsync(3, "/approve", "#1", false, CancellationToken.None);
        Assert.Equal([3L, 2L], (await audit.LatestAsync(5, CancellationToken.None)).Select(e => e.UserId));
    }

    [Fact]
    public async Task Reports_confirmed_numbers_and_check_counts()
    {
        var reports = new ReportStore(Db, _clock);
        await reports.MarkAwaitingAsync(8_000_000_001, 8_000_000_001, new ReportPrompt(ReportKind.WrongVerdict, "red", "safe-account,urgency"), CancellationToken.None);
        var prompt = await reports.TakeAwaitingAsync(8_000_000_001, _clock.GetUtcNow().AddMinutes(-30), CancellationToken.None);
        Assert.Equal(new ReportPrompt(ReportKind.WrongVerdict, "red", "safe-account,urgency"), prompt);
        Assert.Null(await reports.TakeAwaitingAsync(8_000_000_001, _clock.GetUtcNow().AddMinutes(-30), CancellationToken.None));
        var wrong = await reports.CreateAsync(8_000_000_002, 8_000_000_002, "hello", "[]", prompt!, CancellationToken.None);
        Assert.Equal(["safe-account", "urgency"], (await reports.FindAsync(wrong, CancellationToken.None))!.VerdictSignIds);
        Assert.Equal([wrong], (await reports.ListAsync(null, ReportKind.WrongVerdict, 10, CancellationToken.None)).Select(r => r.Id));
        var id = await reports.CreateAsync(8_000_000_001, 8_000_000_001, "call 13800138000", "[]", ReportPrompt.Fraud, CancellationToken.None);
        Assert.Equal(ReportKind.Fraud, (await reports.FindAsync(id, CancellationToken.None))!.Kind);
        Assert.Equal(1, await reports.CountSinceAsync(8_000_000_001, _clock.GetUtcNow().AddHours(-1), CancellationToken.None));
        Assert.True(await reports.DecideAsync(id, ReportState.Confirmed, 1, CancellationToken.None));
        Assert.False(await reports.DecideAsync(id, ReportState.NotFraud, 1, CancellationToken.None));

        var known = new KnownNumberStore(Db, _clock);
        Assert.True(await known.AddAsync(new ScamEntity(EntityKind.Mobile, "13800138000"), "report", 1, id, CancellationToken.None));
        Assert.False(await known.AddAsync(new ScamEntity(EntityKind.Mobile, "13800138000"), "again", 1, id, CancellationToken.None));
        Assert.Equal("13800138000", (await known.AllAsync(CancellationToken.None)).Single().Value);
        await Db.InTransactionAsync(async ct =>
        {
            await known.DetachFromChatReportsAsync(8_000_000_001, ct);
            await reports.ForgetChatAsync(8_000_000_001, ct);
        }, CancellationToken.None);
        Assert.Empty(await reports.ListOfChatAsync(8_000_000_001, 10, CancellationToken.None));
        Assert.Equal(1, await known.CountAsync(CancellationToken.None));

        var stats = new CheckStatsStore(Db);
        await stats.CountAsync(20_000, "red", ["safe-account", "transfer"], CancellationToken.None);
        await stats.CountAsync(20_001, "red", ["safe-account"], CancellationToken.None);
        await stats.CountAsync(20_001, "green", [], CancellationToken.None);
        await stats.CountVoteAsync(20_001, "red", ["safe-account"], up: false, CancellationToken.None);
        Assert.Equal(("red", 2L, 0L, 1L), (await stats.LevelsSinceAsync(20_000, CancellationToken.None)).Single(l => l.Level == "red"));
        Assert.Equal([("safe-account", 2), ("transfer", 1)], await stats.TopSignsSinceAsync(20_000, 5, CancellationToken.None));
        Assert.Equal([new SignFeedback("safe-account", 2, 0, 1)], await stats.SignVotesSinceAsync(20_000, 5, CancellationToken.None));
    }

    [Fact]
    public async Task Kept_verdicts_take_one_vote_and_expire()
    {
        var verdicts = new CheckVerdictStore(Db, _clock);
        var id = await verdicts.CreateAsync(20_000, "orange", ["urgency", "prize"], CancellationToken.None);
        Assert.True(id > 0);

        Assert.Equal(["urgency", "prize"], (await verdicts.VoteAsync(id, VerdictVote.Down, CancellationToken.None))!.SignIds);
        Assert.Null(await verdicts.VoteAsync(id, VerdictVote.Up, CancellationToken.None));
        Assert.Equal(VerdictVote.Down, (await verdicts.FindAsync(id, CancellationToken.None))!.Vote);

        Assert.Equal(0, await verdicts.DeleteBeforeAsync(_clock.GetUtcNow(), 10, CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await verdicts.DeleteBeforeAsync(_clock.GetUtcNow(), 10, CancellationToken.None));
        Assert.Null(await verdicts.FindAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Reported_alike_rows_move_the_version_and_go_with_the_reporters_reports()
    {
        var reports = new ReportStore(Db, _clock);
        var alike = new ReportedAlikeStore(Db);
        var mine = await reports.CreateAsync(8_000_000_003, 8_000_000_003, "scam", "[]", ReportPrompt.Fraud, CancellationToken.None);
        var theirs = await reports.CreateAsync(8_000_000_004, 8_000_000_004, "scam", "[]", ReportPrompt.Fraud, CancellationToken.None);
        var before = await alike.VersionAsync(CancellationToken.None);

        await alike.AddAsync(mine, "您好这里是公安局", 1_000, CancellationToken.None);
        await alike.AddAsync(theirs, "您好这里是法院", 2_000, CancellationToken.None);
        Assert.Equal(before + 2, await alike.VersionAsync(CancellationToken.None));
        Assert.Equal(new ReportedAlikeRow(mine, "您好这里是公安局", 1_000), (await alike.AllAsync(CancellationToken.None))[0]);

        await Db.InTransactionAsync(ct => alike.ForgetChatReportsAsync(8_000_000_003, ct), CancellationToken.None);
        await Db.InTransactionAsync(ct => alike.ForgetChatReportsAsync(8_000_000_003, ct), CancellationToken.None); // nothing left: no new version

        Assert.Equal([theirs], (await alike.AllAsync(CancellationToken.None)).Select(r => r.ReportId));
        Assert.Equal(before + 3, await alike.VersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_unit_of_work_commits_once_or_not_at_all()
    {
        var audit = new AuditStore(Db, _clock);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Db.InTransactionAsync(async ct =>
        {
            await audit.WriteAsync(1, "/a", null, true, ct);
            await audit.WriteAsync(1, "/b", null, true, ct);
            throw new InvalidOperationException("boom");
        }, CancellationToken.None));
        Assert.Empty(await audit.LatestAsync(10, CancellationToken.None));

        var after = false;
        await Db.InTransactionAsync(async ct =>
        {
            await audit.WriteAsync(1, "/a", null, true, ct);
            await Db.AfterCommitAsync(() =>
            {
                after = true;
                return Task.CompletedTask;
            });
            Assert.False(after);
        }, CancellationToken.None);
        Assert.True(after);
        Assert.Single(await audit.LatestAsync(10, CancellationToken.None));
    }
}

public sealed class StoreTestsOnSqlite() : StoreTests(StorageProvider.Sqlite);

public sealed class StoreTestsOnPostgres() : StoreTests(StorageProvider.Postgres);
