using System.Security.Cryptography;
using Bot.Worker.Retention;
using Bot.Worker.Storage;

namespace Bot.Worker.Scam;

/// <summary>
/// Verdicts kept for their 👍/👎 buttons (<c>check_verdicts</c>): level and sign ids under a random id (the buttons carry
/// it, so nobody can vote on a verdict they were not shown), one vote each, deleted after <see cref="KeptFor"/>.
/// </summary>
internal sealed class CheckVerdictStore(IDatabase database, TimeProvider clock) : IExpiringRows
{
    private const string Columns = "id, day, level, signs, vote";

    public TimeSpan KeptFor { get; } = TimeSpan.FromDays(7);

    /// <summary>Keeps a verdict; returns its id (positive, random).</summary>
    public async Task<long> CreateAsync(long day, string level, IEnumerable<string> signIds, CancellationToken ct)
    {
        var id = RandomNumberGenerator.GetInt32(1, int.MaxValue) * (long)int.MaxValue + RandomNumberGenerator.GetInt32(int.MaxValue);
        await database.ExecuteAsync("""
            INSERT INTO check_verdicts (id, day, level, signs, created_at) VALUES (@id, @day, @level, @signs, @now)
            """, new { id, day, level, signs = string.Join(',', signIds), now = clock.NowMs() }, ct);
        return id;
    }

    public Task<KeptVerdict?> FindAsync(long id, CancellationToken ct) =>
        database.QuerySingleOrDefaultAsync<KeptVerdict>($"SELECT {Columns} FROM check_verdicts WHERE id = @id", new { id }, ct);

    /// <summary>Records the verdict's vote; the verdict, or null when it had one already (or is gone).</summary>
    public Task<KeptVerdict?> VoteAsync(long id, string vote, CancellationToken ct) => database.QuerySingleOrDefaultAsync<KeptVerdict>(
        $"UPDATE check_verdicts SET vote = @vote WHERE id = @id AND vote IS NULL RETURNING {Columns}", new { id, vote }, ct);

    /// <summary>Retention: deletes up to <paramref name="limit"/> verdicts kept before <paramref name="before"/>.</summary>
    public Task<int> DeleteBeforeAsync(DateTimeOffset before, int limit, CancellationToken ct) => database.ExecuteAsync("""
        DELETE FROM check_verdicts WHERE id IN (SELECT id FROM check_verdicts WHERE created_at < @before LIMIT @limit)
        """, new { before = before.ToMs(), limit }, ct);
}
