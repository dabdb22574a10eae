using Bot.Worker.Audit;
using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Worker.Retention;

/// <summary>
/// Deletes what Retention says is old enough: finished outbox rows after Retention:OutboxDays and
/// audit entries after Retention:AuditDays, and what other parts keep for a while (<see cref="IExpiringRows"/>: the webhook
/// inbox). Deadline evidence (occurrence_events) and the consent log are
/// never deleted. Each batch is one short statement, so the dispatcher never waits long for the database.
/// </summary>
internal sealed partial class RetentionService(
    OutboxStore outbox, AuditStore audit, IEnumerable<IExpiringRows> others, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger)
{
    public const int BatchSize = 1000;

    public async Task<RetentionResult> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var outboxRows = settings.OutboxDays == 0 ? 0
            : await DeleteInBatchesAsync(limit => outbox.DeleteFinishedBeforeAsync(now.AddDays(-settings.OutboxDays), limit, ct));
        var auditEntries = settings.AuditDays == 0 ? 0
            : await DeleteInBatchesAsync(limit => audit.DeleteBeforeAsync(now.AddDays(-settings.AuditDays), limit, ct));
        var otherRows = 0;
        foreach (var rows in others)
        {
            otherRows += await DeleteInBatchesAsync(limit => rows.DeleteBeforeAsync(now - rows.KeptFor, limit, ct));
        }
        LogDone(outboxRows, settings.OutboxDays, auditEntries, settings.AuditDays, otherRows);
        return new RetentionResult(outboxRows, auditEntries, otherRows);
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

    [LoggerMessage(LogLevel.Information, "Retention: deleted {OutboxRows} finished outbox rows older than {OutboxDays} days and {AuditEntries} audit entries older than {AuditDays} days (0 days: kept for ever), {OtherRows} expired rows of other kinds (handled webhook updates)")]
    private partial void LogDone(int outboxRows, int outboxDays, int auditEntries, int auditDays, int otherRows);
}
