using System.Globalization;
using Bot.Worker.Audit;
using Bot.Worker.Storage;

namespace Bot.Worker.Scam;

/// <summary>
/// Known numbers as the console edits them: list the file's entries (read-only) and the database's, add one,
/// remove one, import a CSV (all lines or none). The database entries are what the check reads each time
/// (<see cref="ScamCheckService"/>), beside what Confirm number adds; every change is audited with the admin's id.
/// </summary>
internal sealed class KnownNumberEditing(IDatabase database, KnownNumberStore store, KnownNumbersSource file, AuditStore audit)
{
    public const string AddAction = "known:add", RemoveAction = "known:remove", ImportAction = "known:import";

    /// <summary>known-numbers.yaml's entries (as loaded now) and the database's.</summary>
    public async Task<(IReadOnlyList<KnownNumber> File, IReadOnlyList<KnownNumberEntry> Database)> ListAsync(CancellationToken ct) =>
        (file.Current.All, await store.ListAsync(ct));

    /// <summary>Adds one number; nothing is stored when it is not a phone number, the kind or note is wrong, or it is listed already.</summary>
    public async Task<(KnownNumberProblem? Problem, KnownNumberLine? Added)> AddAsync(long admin, string number, string kind, string note, CancellationToken ct)
    {
        var (line, problem) = KnownNumbersCsv.Entry(1, number, kind, note);
        if (problem is not null)
        {
            return (problem.Problem, null);
        }
        var added = await database.InTransactionAsync(async token =>
        {
            if (!await AddIfNewAsync(await KnownNowAsync(token), line!, admin, token))
            {
                return false;
            }
            await audit.WriteAsync(admin, AddAction, Describe(line!), allowed: true, token);
            return true;
        }, ct);
        return added ? (null, line) : (KnownNumberProblem.AlreadyKnown, line);
    }

    /// <summary>Removes a database entry (the file's are edited in the file); the removed entry, or null.</summary>
    public Task<KnownNumberEntry?> RemoveAsync(long admin, long id, CancellationToken ct) => database.InTransactionAsync(async token =>
    {
        var removed = await store.RemoveAsync(id, token);
        if (removed is not null)
        {
            await audit.WriteAsync(admin, RemoveAction, $"{removed.Value} {removed.Category} #{id}", allowed: true, token);
        }
        return removed;
    }, ct);

    /// <summary>
    /// Imports a CSV (<see cref="KnownNumbersCsv"/>): with any bad line nothing is saved and every bad line is reported;
    /// otherwise every line is added in one commit, except numbers listed already (skipped, and reported).
    /// </summary>
    public async Task<KnownNumberImport> ImportAsync(long admin, string csv, CancellationToken ct)
    {
        var (lines, errors) = KnownNumbersCsv.Parse(csv);
        if (errors.Count > 0)
        {
            await audit.WriteAsync(admin, ImportAction, $"refused: {errors.Count} bad line(s) ({string.Join(", ", errors.Take(10).Select(e => e.Line))}), nothing saved", allowed: true, ct);
            return new KnownNumberImport(errors, 0, []);
        }
        return await database.InTransactionAsync(async token =>
        {
            var known = await KnownNowAsync(token);
            var skipped = new List<KnownNumberLineError>();
            var added = 0;
            foreach (var line in lines)
            {
                if (!await AddIfNewAsync(known, line, admin, token))
                {
                    skipped.Add(new KnownNumberLineError(line.Line, KnownNumberProblem.AlreadyKnown, line.Number.Value));
                    continue;
                }
                added++;
            }
            await audit.WriteAsync(admin, ImportAction, string.Create(CultureInfo.InvariantCulture, $"{added} added, {skipped.Count} listed already"), allowed: true, token);
            return new KnownNumberImport([], added, skipped);
        }, ct);
    }

    private static string Describe(KnownNumberLine line) => line.Note.Length == 0 ? $"{line.Number.Value} {line.Category}" : $"{line.Number.Value} {line.Category}: {line.Note}";

    /// <summary>Stores the line unless the file or the database knows the number already; true when stored.</summary>
    private async Task<bool> AddIfNewAsync(KnownNumbers known, KnownNumberLine line, long admin, CancellationToken ct) =>
        known.Find(line.Number) is null && await store.AddAsync(line.Number, line.Category, line.Note, admin, null, ct);

    /// <summary>The file's entries and the database's, looked up as the check looks them up (phone numbers share one namespace).</summary>
    private async Task<KnownNumbers> KnownNowAsync(CancellationToken ct) => file.Current.With(await store.AllAsync(ct));
}
