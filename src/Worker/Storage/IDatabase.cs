using System.Data.Common;

namespace Bot.Worker.Storage;

/// <summary>
/// The app's database, for stores only: each store owns its SQL and runs it through these methods.
/// Inside <see cref="InTransactionAsync{T}"/> every statement of every store joins the one transaction
/// (a unit of work), so a change that touches several stores commits once or not at all.
/// </summary>
public interface IDatabase
{
    /// <summary>Provider name as in <c>Storage:Provider</c>: <c>Sqlite</c> or <c>Postgres</c>.</summary>
    string Provider { get; }

    /// <summary>
    /// SQL that holds when <paramref name="column"/> is one of the values of the parameter
    /// <paramref name="parameter"/>, passed as an array: PostgreSQL takes the array whole
    /// (<c>IN (SELECT unnest(@p))</c>), SQLite gets one parameter per value (<c>IN @p</c>, expanded by Dapper).
    /// </summary>
    string InList(string column, string parameter);

    /// <summary>
    /// <paramref name="column"/> as a guard on rows already found by key: SQLite gets <c>+column</c>, so its planner
    /// (which has no statistics) does not walk an index on the guard, a state index holding a million queued rows,
    /// instead of looking a few ids up by key. PostgreSQL gets the column as it is.
    /// </summary>
    string Unindexed(string column);

    /// <summary>A new connection outside any unit of work (schema set-up, tests, long reads).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction that every store call inside it joins; a nested call joins the outer one.</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="action"/> once the current unit of work commits (now when there is none); dropped on rollback.</summary>
    Task AfterCommitAsync(Func<Task> action);

    Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args, CancellationToken cancellationToken);

    Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? args, CancellationToken cancellationToken);

    Task<T?> ScalarAsync<T>(string sql, object? args, CancellationToken cancellationToken);

    /// <summary>Runs a statement; with a collection of argument objects, once per element (in one transaction).</summary>
    Task<int> ExecuteAsync(string sql, object? args, CancellationToken cancellationToken);
}
