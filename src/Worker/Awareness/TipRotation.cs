using Bot.Worker.Storage;
using Bot.Worker.Templating;
using Dapper;

namespace Bot.Worker.Awareness;

/// <summary>Gives each chat the next tip it has not had, in library order, starting over when all are seen.</summary>
internal sealed class TipRotation(IDatabase database, TipLibrary library, TimeProvider clock)
{
    public async Task<(Tip Tip, int Number)> NextAsync(long chatId, CancellationToken ct)
    {
        var tips = library.Tips;
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var seen = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT tip_id FROM tip_history WHERE chat_id = @chatId", new { chatId }, tx, cancellationToken: ct))).ToHashSet();
        var (tip, number, startsOver) = TipPicker.Next(tips, seen);
        if (startsOver)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM tip_history WHERE chat_id = @chatId", new { chatId }, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tip_history (chat_id, tip_id, at) VALUES (@chatId, @tipId, @now) ON CONFLICT (chat_id, tip_id) DO NOTHING",
            new { chatId, tipId = tip.Id, now = clock.NowMs() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (tip, number);
    }
}
