namespace Bot.Worker.Scam;

/// <summary>
/// "N reports of a message like this were confirmed as fraud": confirmed reports' texts in their searchable form
/// (<see cref="AlikeText"/>), kept in the database and indexed in memory on every node. A check first asks the database
/// for the version and rebuilds the index when it moved, so a confirmation or a /forget counts at the next check on
/// every node, with no message between nodes. A report too short to compare is not kept.
/// </summary>
internal sealed class ReportedAlikeIndex(ReportedAlikeStore store, ScamRulesSource rules) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private volatile AlikeSnapshot _snapshot = AlikeSnapshot.Empty;

    /// <summary>The confirmed reports <paramref name="text"/> is like, or null (too short, or like none).</summary>
    public async Task<ReportedAlike?> MatchAsync(string text, CancellationToken ct)
    {
        if (AlikeSignature.Of(AlikeText.Normalize(text, rules.Current.Fold)) is not { } signature)
        {
            return null;
        }
        return (await CurrentAsync(ct)).Match(signature);
    }

    /// <summary>Keeps a confirmed report's text in its searchable form; joins the caller's unit of work. False when too short to compare.</summary>
    public async Task<bool> AddAsync(long reportId, string text, DateTimeOffset confirmedAt, CancellationToken ct)
    {
        var normalized = AlikeText.Normalize(text, rules.Current.Fold);
        if (AlikeSignature.Of(normalized) is null)
        {
            return false;
        }
        await store.AddAsync(reportId, normalized, confirmedAt.ToUnixTimeMilliseconds(), ct);
        return true;
    }

    /// <summary>/forget: the chat's reports leave the index (joins the caller's unit of work).</summary>
    public Task ForgetChatAsync(long chatId, CancellationToken ct) => store.ForgetChatReportsAsync(chatId, ct);

    /// <summary>The index of the database's current version, rebuilt first when it moved.</summary>
    public async Task<AlikeSnapshot> CurrentAsync(CancellationToken ct)
    {
        var version = await store.VersionAsync(ct);
        var snapshot = _snapshot;
        if (snapshot.Version == version)
        {
            return snapshot;
        }
        await _rebuild.WaitAsync(ct);
        try
        {
            if (_snapshot.Version != version)
            {
                // The version was read before the rows: a change committed in between is in the rows and only makes the
                // next check build once more; the index never claims a version newer than its rows.
                var rows = await store.AllAsync(ct);
                _snapshot = AlikeSnapshot.Build(version, rows, rules.Current.Fold);
            }
            return _snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public void Dispose() => _rebuild.Dispose();
}
