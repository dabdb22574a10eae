using System.Collections;
using System.Data.Common;
using Dapper;

namespace Bot.Worker.Storage;

/// <summary>
/// What both providers share: statements through Dapper, and the unit of work, which lives in an
/// <see cref="AsyncLocal{T}"/> so stores join it without passing a transaction around. A provider
/// brings its connections (and overrides what its SQL does differently).
/// </summary>
internal abstract class Database(IEnumerable<IStatementObserver> observers) : IDatabase
{
    private static readonly AsyncLocal<UnitOfWork?> Ambient = new();
    private readonly IStatementObserver[] _observers = observers.ToArray();

    public abstract string Provider { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    public virtual string InList(string column, string parameter) => $"{column} IN @{parameter}";

    public virtual string Unindexed(string column) => "+" + column;

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Ambient.Value is { IsActive: true })
        {
            return await work(cancellationToken);
        }
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var unit = new UnitOfWork(connection, tx);
        Ambient.Value = unit;
        T result;
        try
        {
            result = await work(cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        finally
        {
            unit.End();
            Ambient.Value = null;
        }
        await unit.RunAfterCommitAsync();
        return result;
    }

    public Task AfterCommitAsync(Func<Task> action)
    {
        if (Ambient.Value is { IsActive: true } unit)
        {
            unit.Add(action);
            return Task.CompletedTask;
        }
        return action();
    }

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? args, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<T>>(sql, async (c, tx) => (await c.QueryAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken))).AsList(), cancellationToken);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? args, CancellationToken cancellationToken) =>
        RunAsync(sql, (c, tx) => c.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken)), cancellationToken);

    public Task<T?> ScalarAsync<T>(string sql, object? args, CancellationToken cancellationToken) =>
        RunAsync(sql, (c, tx) => c.ExecuteScalarAsync<T>(new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken)), cancellationToken);

    public Task<int> ExecuteAsync(string sql, object? args, CancellationToken cancellationToken)
    {
        // Dapper runs a statement once per element of a collection: in one transaction, not one each.
        if (args is IEnumerable and not string && Ambient.Value is not { IsActive: true })
        {
            return InTransactionAsync(ct => ExecuteAsync(sql, args, ct), cancellationToken);
        }
        return args is IEnumerable rows and not string
            ? RunAsync(sql, (c, tx) => ExecuteManyAsync(c, tx!, sql, rows, cancellationToken), cancellationToken)
            : RunAsync(sql, (c, tx) => c.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>One statement for each element of <paramref name="rows"/>, inside <paramref name="tx"/>; a provider may send them in fewer round trips.</summary>
    protected virtual Task<int> ExecuteManyAsync(DbConnection connection, DbTransaction tx, string sql, IEnumerable rows, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(sql, rows, tx, cancellationToken: ct));

    private async Task<T> RunAsync<T>(string sql, Func<DbConnection, DbTransaction?, Task<T>> statement, CancellationToken cancellationToken)
    {
        T result;
        var unit = Ambient.Value is { IsActive: true } active ? active : null;
        if (unit is not null)
        {
            result = await statement(unit.Connection, unit.Transaction);
        }
        else
        {
            await using var connection = await OpenAsync(cancellationToken);
            result = await statement(connection, null);
        }
        foreach (var observer in _observers)
        {
            observer.Executed(sql, unit is not null);
        }
        return result;
    }

    private sealed class UnitOfWork(DbConnection connection, DbTransaction transaction)
    {
        private List<Func<Task>>? _afterCommit;

        public DbConnection Connection { get; } = connection;

        public DbTransaction Transaction { get; } = transaction;

        /// <summary>False once the transaction ended: a task that captured the context must not use it.</summary>
        public bool IsActive { get; private set; } = true;

        public void End() => IsActive = false;

        public void Add(Func<Task> action) => (_afterCommit ??= []).Add(action);

        public async Task RunAfterCommitAsync()
        {
            foreach (var action in _afterCommit ?? [])
            {
                await action();
            }
        }
    }
}
