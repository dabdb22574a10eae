using System.Data.Common;

namespace Bot.Worker.Storage;

/// <summary>
/// The app's database. Features write portable SQL (integer times in unix milliseconds,
/// <c>ON CONFLICT</c>, <c>RETURNING</c>) against connections from here, so another provider
/// only brings its own connection factory, lock and migrations.
/// </summary>
public interface IDatabase
{
    /// <summary>Provider name as in <c>Storage:Provider</c>.</summary>
    string Provider { get; }

    /// <summary>The connection string with relative paths resolved.</summary>
    string ConnectionString { get; }

    /// <summary>Opens a pooled connection configured for this app.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
