using Dapper;

namespace Bot.Worker.Storage;

/// <summary>One statement on a connection of its own, for the stores' single-statement writes and reads.</summary>
internal static class DatabaseExtensions
{
    public static async Task<int> ExecuteAsync(this IDatabase database, string sql, object? args, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, args, cancellationToken: ct));
    }

    public static async Task<T?> ScalarAsync<T>(this IDatabase database, string sql, object? args, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, cancellationToken: ct));
    }
}
