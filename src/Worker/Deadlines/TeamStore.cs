using System.Data.Common;
using System.Security.Cryptography;
using Bot.Worker.Commands;
using Bot.Worker.Storage;
using Dapper;

namespace Bot.Worker.Deadlines;

/// <summary>Teams and members: those in deadlines.yaml, plus those who joined with an invite code.</summary>
internal sealed class TeamStore(IDatabase database, TimeProvider clock) : IMembershipCheck, ITeamDirectory
{
    private static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);

    /// <summary>Brings the teams in line with the file; members who joined by invite stay. Returns the users now in a team who were not, and the reverse.</summary>
    public async Task<IReadOnlyCollection<long>> SyncAsync(IReadOnlyList<TeamDefinition> teams, CancellationToken ct)
    {
        var now = clock.NowMs();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var before = await AllMembersAsync(connection, tx, ct);
        foreach (var team in teams)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO teams (id, name, lead_id, group_chat_id, updated_at) VALUES (@Id, @Name, @Lead, @Group, @now)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, lead_id = excluded.lead_id, group_chat_id = excluded.group_chat_id, updated_at = excluded.updated_at
                """, new { team.Id, team.Name, team.Lead, team.Group, now }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM team_members WHERE team_id = @Id AND source = 'file'", new { team.Id }, tx, cancellationToken: ct));
            foreach (var member in team.Members)
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO team_members (team_id, user_id, source, joined_at) VALUES (@Id, @member, 'file', @now)
                    ON CONFLICT (team_id, user_id) DO NOTHING
                    """, new { team.Id, member, now }, tx, cancellationToken: ct));
            }
        }
        var after = await AllMembersAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        return [.. before.Except(after).Concat(after.Except(before))];
    }

    public async Task<IReadOnlyList<long>> MembersAsync(string teamId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT user_id FROM team_members WHERE team_id = @teamId ORDER BY joined_at, user_id", new { teamId }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<string>> TeamsOfAsync(long userId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT team_id FROM team_members WHERE user_id = @userId ORDER BY team_id", new { userId }, cancellationToken: ct))).AsList();
    }

    public async Task<bool> IsMemberAsync(long userId, CancellationToken cancellationToken) => (await TeamsOfAsync(userId, cancellationToken)).Count > 0;

    public async Task<IReadOnlyList<string>> TeamNamesAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT t.name FROM teams t JOIN team_members m ON m.team_id = t.id WHERE m.user_id = @userId ORDER BY t.name",
            new { userId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>A one-time code for <paramref name="teamId"/>, valid 7 days.</summary>
    public async Task<(string Code, DateTimeOffset Expires)> CreateInviteAsync(string teamId, long createdBy, CancellationToken ct)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
        var expires = clock.GetUtcNow() + InviteLifetime;
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO invites (code, team_id, created_by, created_at, expires_at) VALUES (@code, @teamId, @createdBy, @now, @expires)",
            new { code, teamId, createdBy, now = clock.NowMs(), expires = expires.ToMs() }, cancellationToken: ct));
        return (code, expires);
    }

    /// <summary>Uses the code (once, before it expires); returns the team joined, or null.</summary>
    public async Task<(string TeamId, bool AlreadyMember)?> JoinAsync(string code, long userId, CancellationToken ct)
    {
        var now = clock.NowMs();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var teamId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("""
            UPDATE invites SET used_by = @userId, used_at = @now
            WHERE code = @code AND used_by IS NULL AND expires_at > @now RETURNING team_id
            """, new { code = code.Trim().ToUpperInvariant(), userId, now }, tx, cancellationToken: ct));
        if (teamId is null)
        {
            return null;
        }
        var added = await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO team_members (team_id, user_id, source, joined_at) VALUES (@teamId, @userId, 'invite', @now) ON CONFLICT (team_id, user_id) DO NOTHING",
            new { teamId, userId, now }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return (teamId, added == 0);
    }

    public async Task<IReadOnlyList<long>> AllMembersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await AllMembersAsync(connection, null, cancellationToken)];
    }

    private static async Task<HashSet<long>> AllMembersAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct) =>
        [.. await connection.QueryAsync<long>(new CommandDefinition("SELECT DISTINCT user_id FROM team_members", transaction: tx, cancellationToken: ct))];
}
