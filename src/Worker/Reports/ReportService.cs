using Bot.Worker.Audit;
using Bot.Worker.Scam;
using Bot.Worker.Storage;

namespace Bot.Worker.Reports;

/// <summary>
/// Reports as use cases, knowing nothing of chats' wording: start one (Report to us, or Send it to our team after 👎),
/// file the next message, decide it (Confirm number teaches the check its numbers and text, audited, in one unit of
/// work), list a chat's. At most <see cref="PerHour"/> reports per chat an hour, counted in the database.
/// </summary>
internal sealed class ReportService(IDatabase database, ReportStore store, ConfirmedReports confirmed, ScamChecker checker, AuditStore audit, TimeProvider clock)
{
    public const int PerHour = 5;

    /// <summary>How long after Report to us the next message still counts as the report.</summary>
    public static readonly TimeSpan AwaitFor = TimeSpan.FromMinutes(30);

    /// <summary>Report to us: marks the chat so its next message becomes a report, unless it is over the limit.</summary>
    public Task<ReportOutcome> StartAsync(long chatId, long userId, CancellationToken ct) => StartAsync(chatId, userId, ReportPrompt.Fraud, ct);

    /// <summary>Marks the chat so its next message becomes a report of <paramref name="prompt"/>'s kind, unless it is over the limit.</summary>
    public async Task<ReportOutcome> StartAsync(long chatId, long userId, ReportPrompt prompt, CancellationToken ct)
    {
        if (await OverLimitAsync(chatId, ct))
        {
            return ReportOutcome.RateLimited;
        }
        await store.MarkAwaitingAsync(chatId, userId, prompt, ct);
        return ReportOutcome.Awaiting;
    }

    /// <summary>What the chat's next message is to be reported as (the marker is gone then), if it pressed the button within <see cref="AwaitFor"/>; else null.</summary>
    public Task<ReportPrompt?> TakeAwaitingAsync(long chatId, CancellationToken ct) =>
        store.TakeAwaitingAsync(chatId, clock.GetUtcNow() - AwaitFor, ct);

    /// <summary>Stores the message as a fraud report with the numbers and links found in it.</summary>
    public Task<(ReportOutcome Outcome, Report? Report)> FileAsync(long chatId, long userId, string text, CancellationToken ct) =>
        FileAsync(chatId, userId, text, ReportPrompt.Fraud, ct);

    /// <summary>Stores the message as a report of <paramref name="prompt"/>'s kind with the numbers and links found in it.</summary>
    public async Task<(ReportOutcome Outcome, Report? Report)> FileAsync(long chatId, long userId, string text, ReportPrompt prompt, CancellationToken ct)
    {
        var entities = checker.Check(text).Entities;
        var id = await database.InTransactionAsync(async token =>
            await OverLimitAsync(chatId, token) ? 0 : await store.CreateAsync(chatId, userId, text, ReportEntities.Encode(entities), prompt, token), ct);
        return id == 0 ? (ReportOutcome.RateLimited, null) : (ReportOutcome.Filed, await store.FindAsync(id, ct));
    }

    /// <summary>
    /// An admin decides an open report. Confirm adds each number and account in it to the known numbers
    /// (except official ones) and its text to the "reported alike" index; the decision, what the check learned and
    /// the audit entry commit together. Not fraud and Close teach the check nothing.
    /// </summary>
    public async Task<(ReportDecision Outcome, Report? Report, IReadOnlyList<ScamEntity> Added)> DecideAsync(long id, string state, long admin, CancellationToken ct)
    {
        var report = await store.FindAsync(id, ct);
        if (report is null)
        {
            return (ReportDecision.NotFound, null, []);
        }
        var numbers = ReportEntities.Numbers(ReportEntities.Decode(report.Entities)).ToList();
        IReadOnlyList<ScamEntity> added = [];
        var decided = await database.InTransactionAsync(async token =>
        {
            if (!await store.DecideAsync(id, state, admin, token))
            {
                return false;
            }
            if (state == ReportState.Confirmed)
            {
                added = await confirmed.LearnAsync(id, report.Text, numbers, admin, clock.GetUtcNow(), token);
            }
            await audit.WriteAsync(admin, "report:" + state, $"#{id}" + (added.Count > 0 ? " added " + string.Join(", ", added.Select(a => a.Value)) : ""), allowed: true, token);
            return true;
        }, ct);
        if (!decided)
        {
            return (ReportDecision.AlreadyDecided, report, []);
        }
        var outcome = state switch
        {
            ReportState.Confirmed => ReportDecision.Confirmed,
            ReportState.NotFraud => ReportDecision.NotFraud,
            _ => ReportDecision.Closed,
        };
        return (outcome, report with { State = state, DecidedBy = admin }, added);
    }

    /// <summary>
    /// /forget: the chat's reports go, and their text leaves the "reported alike" index; numbers they confirmed stay known,
    /// unlinked from them. Joins the caller's unit of work.
    /// </summary>
    public async Task ForgetChatAsync(long chatId, CancellationToken ct)
    {
        await confirmed.ForgetChatAsync(chatId, ct);
        await store.ForgetChatAsync(chatId, ct);
    }

    public async Task<(IReadOnlyList<Report> Latest, int Total)> ListAsync(long chatId, int limit, CancellationToken ct) =>
        (await store.ListOfChatAsync(chatId, limit, ct), await store.CountOfChatAsync(chatId, ct));

    private async Task<bool> OverLimitAsync(long chatId, CancellationToken ct) =>
        await store.CountSinceAsync(chatId, clock.GetUtcNow() - TimeSpan.FromHours(1), ct) >= PerHour;
}
