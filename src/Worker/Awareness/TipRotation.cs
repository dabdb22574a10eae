using Bot.Worker.Storage;
using Bot.Worker.Templating;

namespace Bot.Worker.Awareness;

/// <summary>Gives each chat the next tip it has not had, in library order, starting over when all are seen.</summary>
internal sealed class TipRotation(IDatabase database, TipHistoryStore history, TipLibrary library)
{
    public Task<(Tip Tip, int Number)> NextAsync(long chatId, CancellationToken ct) => database.InTransactionAsync(async token =>
    {
        var (tip, number, startsOver) = TipPicker.Next(library.Tips, await history.SeenAsync(chatId, token));
        await history.RecordAsync([new TipGiven(chatId, tip.Id, startsOver)], token);
        return (tip, number);
    }, ct);
}
