using Bot.Worker.Audit;
using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Bot.Worker.Telegram.Webhook;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Retention;

/// <summary>
/// Deletes what Retention says is old enough: finished outbox rows after Retention:OutboxDays and
/// audit entries after Retention:AuditDays, and webhook inbox rows <see cref="InboxDays"/> days after they were handled
/// (long after Telegram stops posting an update again). Deadline evidence (occurrence_events) and the consent log are
/// never deleted. Each batch is one short statement, so the dispatcher never waits long for the database.
/// </summary>
internal sealed partial class RetentionService(
    OutboxStore outbox, AuditStore audit, WebhookInboxStore inbox, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger)
{
    public const int BatchSize = 1000;

    /// <summary>How long a handled update's id is kept to recognise a repeated post of it (Telegram keeps updates 24 h).</summary>
    public const int InboxDays = 7;

    public async Task<RetentionResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var outboxRows = settings.OutboxDays == 0 ? 0
            : await DeleteInBatchesAsync(limit => outbox.DeleteFinishedBeforeAsync(now.AddDays(-settings.OutboxDays), limit, ct));
        var auditEntries = settings.AuditDays == 0 ? 0
            : await DeleteInBatchesAsync(limit => audit.DeleteBeforeAsync(now.AddDays(-settings.AuditDays), limit, ct));
        var inboxRows = await DeleteInBatchesAsync(limit => inbox.DeleteHandledBeforeAsync(now.AddDays(-InboxDays), limit, ct));
        LogDone(outboxRows, settings.OutboxDays, auditEntries, settings.AuditDays, inboxRows, InboxDays);
        return new RetentionResult(outboxRows, auditEntries, inboxRows);
    }

    private static async Task<int> DeleteInBatchesAsync(Func<int, Task<int>> deleteBatch)
    {
        var total = 0;
        int deleted;
        do
        {
            deleted = await deleteBatch(BatchSize);
            total += deleted;
        }
        while (deleted == BatchSize);
        return total;
    }

    [LoggerMessage(LogLevel.Information, "Retention: deleted {OutboxRows} finished outbox rows older than {OutboxDays} days and {AuditEntries} audit entries older than {AuditDays} days (0 days: kept for ever), {InboxRows} webhook updates handled more than {InboxDays} days ago")]
    private partial void LogDone(int outboxRows, int outboxDays, int auditEntries, int auditDays, int inboxRows, int inboxDays);
}
