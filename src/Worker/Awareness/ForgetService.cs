using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Awareness;

/// <summary>/forget: deletes a chat's data, keeping only a record that it opted out.</summary>
internal sealed class ForgetService(IDatabase database, TimeProvider clock)
{
    public async Task ForgetAsync(long chatId, CancellationToken ct)
    {
        var now = clock.NowMs();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { chatId, now };
        foreach (var sql in new[]
        {
            "DELETE FROM subscriptions WHERE chat_id = @chatId",
            "DELETE FROM consent_log WHERE chat_id = @chatId",
            "DELETE FROM tip_history WHERE chat_id = @chatId",
            // Queued tips, alerts and reminders are dropped; replies already queued still go out.
            "UPDATE outbox SET state = 'expired', updated_at = @now WHERE chat_id = @chatId AND state IN ('pending', 'deferred') AND priority > 0",
            // The ledger keeps that messages were sent, not what they said.
            "UPDATE outbox SET text = '', buttons = NULL, updated_at = @now WHERE chat_id = @chatId AND state NOT IN ('pending', 'deferred')",
            """
            UPDATE chats SET user_id = NULL, first_name = NULL, username = NULL, language = NULL,
                quiet_start = NULL, quiet_end = NULL, quiet_zone = NULL,
                status = 'forgotten', status_at = @now, updated_at = @now
            WHERE chat_id = @chatId
            """,
        })
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }
}
