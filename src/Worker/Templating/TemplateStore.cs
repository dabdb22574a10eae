using System.Security.Cryptography;
using System.Text;
using Bot.Worker.Storage;

namespace Bot.Worker.Templating;

/// <summary>Template versions and which one is live, per template and language.</summary>
internal sealed class TemplateStore(IDatabase database, TimeProvider clock)
{
    public const string FileOrigin = "file";
    public const string AdminOrigin = "admin";

    private const string Columns = """
        v.name, v.language, v.version, v.source, v.source_hash AS SourceHash, v.origin, v.author_id AS AuthorId,
        v.note, v.created_at AS CreatedAt, CASE WHEN l.version = v.version THEN 1 ELSE 0 END AS IsLive
        """;

    public static string Hash(string source) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..16];

    /// <summary>The live version of every template and language.</summary>
    public Task<IReadOnlyList<TemplateVersion>> LiveAsync(CancellationToken ct) => database.QueryAsync<TemplateVersion>($"""
        SELECT {Columns} FROM template_live l
        JOIN template_versions v ON v.name = l.name AND v.language = l.language AND v.version = l.version
        """, null, ct);

    public Task<IReadOnlyList<TemplateVersion>> HistoryAsync(string name, string language, CancellationToken ct) => database.QueryAsync<TemplateVersion>($"""
        SELECT {Columns} FROM template_versions v
        LEFT JOIN template_live l ON l.name = v.name AND l.language = v.language
        WHERE v.name = @name AND v.language = @language ORDER BY v.version DESC
        """, new { name, language }, ct);

    public async Task<TemplateVersion?> FindAsync(string name, string language, int version, CancellationToken ct) =>
        (await HistoryAsync(name, language, ct)).FirstOrDefault(v => v.Version == version);

    /// <summary>Stores a new version and, when <paramref name="makeLive"/>, makes it live, in one transaction. Returns its number.</summary>
    public Task<int> AddAsync(string name, string language, string source, string origin, long? author, string? note, bool makeLive, CancellationToken ct) =>
        database.InTransactionAsync(async token =>
        {
            var now = clock.NowMs();
            var version = (int)await database.ScalarAsync<long>(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM template_versions WHERE name = @name AND language = @language", new { name, language }, token);
            await database.ExecuteAsync("""
                INSERT INTO template_versions (name, language, version, source, source_hash, origin, author_id, note, created_at)
                VALUES (@name, @language, @version, @source, @hash, @origin, @author, @note, @now)
                """, new { name, language, version, source, hash = Hash(source), origin, author, note, now }, token);
            if (makeLive)
            {
                await SetLiveAsync(name, language, version, author, now, token);
            }
            return version;
        }, ct);

    /// <summary>Makes an existing version live (rollback); false if there is no such version.</summary>
    public Task<bool> MakeLiveAsync(string name, string language, int version, long? by, CancellationToken ct) =>
        database.InTransactionAsync(async token =>
        {
            var exists = await database.ScalarAsync<long>(
                "SELECT COUNT(*) FROM template_versions WHERE name = @name AND language = @language AND version = @version",
                new { name, language, version }, token);
            if (exists == 0)
            {
                return false;
            }
            await SetLiveAsync(name, language, version, by, clock.NowMs(), token);
            return true;
        }, ct);

    private Task<int> SetLiveAsync(string name, string language, int version, long? by, long now, CancellationToken ct) => database.ExecuteAsync("""
        INSERT INTO template_live (name, language, version, changed_by, changed_at) VALUES (@name, @language, @version, @by, @now)
        ON CONFLICT (name, language) DO UPDATE SET version = excluded.version, changed_by = excluded.changed_by, changed_at = excluded.changed_at
        """, new { name, language, version, by, now }, ct);
}
