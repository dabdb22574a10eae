namespace Bot.Worker.Storage;

/// <summary>Shorthands over <see cref="IDatabase"/>.</summary>
public static class DatabaseExtensions
{
    public static Task InTransactionAsync(this IDatabase database, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async ct =>
        {
            await work(ct);
            return true;
        }, cancellationToken);

    public static async Task<T> QuerySingleAsync<T>(this IDatabase database, string sql, object? args, CancellationToken cancellationToken) =>
        await database.QuerySingleOrDefaultAsync<T>(sql, args, cancellationToken) ?? throw new InvalidOperationException("The query returned no row");
}
