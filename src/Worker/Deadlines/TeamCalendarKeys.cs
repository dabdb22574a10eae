using System.Security.Cryptography;
using System.Text;
using Bot.Worker.Audit;
using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>
/// The secret in a team's iCal feed URL: created on first use, shown to admins (the console), rotated by
/// an admin (audited; the old key stops working at once), and checked in constant time by the feed.
/// </summary>
internal sealed class TeamCalendarKeys(CalendarKeyStore keys, TeamStore teams, AuditStore audit, IDatabase database)
{
    /// <summary>The team's key, created if it has none; null for a team that does not exist.</summary>
    public async Task<string?> GetOrCreateAsync(string teamId, CancellationToken ct)
    {
        if (!await teams.ExistsAsync(teamId, ct))
        {
            return null;
        }
        return await keys.FindAsync(teamId, ct) ?? await keys.AddIfMissingAsync(teamId, NewKey(), ct);
    }

    /// <summary>A new key for the team, replacing the old one; null for a team that does not exist.</summary>
    public async Task<string?> RotateAsync(string teamId, long adminId, CancellationToken ct)
    {
        if (!await teams.ExistsAsync(teamId, ct))
        {
            return null;
        }
        var key = NewKey();
        await database.InTransactionAsync(async token =>
        {
            await keys.ReplaceAsync(teamId, key, adminId, token);
            await audit.WriteAsync(adminId, "calendar-key-rotate", teamId, allowed: true, token);
        }, ct);
        return key;
    }

    /// <summary>Whether <paramref name="key"/> is the team's current key (false for an unknown team or a team with no key yet).</summary>
    public async Task<bool> IsValidAsync(string teamId, string? key, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(key) || await keys.FindAsync(teamId, ct) is not { } current)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(current), Encoding.UTF8.GetBytes(key));
    }

    // 32 random bytes, URL-safe without padding (43 characters).
    private static string NewKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
