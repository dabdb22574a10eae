using Bot.Worker.Storage;

namespace Bot.Worker.Web.Console;

/// <summary>The data protection key ring (XML elements by name), shared by every node through the database.</summary>
internal sealed class DataProtectionKeyStore(IDatabase database, TimeProvider clock)
{
    public Task<IReadOnlyList<string>> AllAsync(CancellationToken ct) =>
        database.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY created_at, name", null, ct);

    /// <summary>Adds a key; a name already stored (another node's write of the same key) is left as it is.</summary>
    public Task AddAsync(string name, string xml, CancellationToken ct) => database.ExecuteAsync(
        "INSERT INTO data_protection_keys (name, xml, created_at) VALUES (@name, @xml, @at) ON CONFLICT (name) DO NOTHING",
        new { name, xml, at = clock.NowMs() }, ct);
}
