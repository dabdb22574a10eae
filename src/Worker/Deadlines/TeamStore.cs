using System.Security.Cryptography;
using Bot.Worker.Delivery;
using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>
/// Teams and members: those in deadlines.yaml, plus those who joined with an invite code. The one
/// source of a team's lead, members, their emails, the group chat and the robots (synced from the file).
/// A member's id is a person id: their Telegram id, or for a member known only by email the id made from the address.
/// </summary>
internal sealed class TeamStore(IDatabase database, TimeProvider clock)
{
    private static readonly TimeSpan InviteLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// Brings the teams in line with the file, in one transaction; members who joined by invite stay.
    /// Returns the users now in a team who were not, and the reverse (their command menus change).
    /// </summary>
    public Task<IReadOnlyCollection<long>> SyncAsync(IReadOnlyList<TeamDefinition> teams, CancellationToken ct) => database.InTransactionAsync<IReadOnlyCollection<long>>(async token =>
    {
        var now = clock.NowMs();
        var before = (await AllMembersAsync(token)).ToHashSet();
        foreach (var team in teams)
        {
            await database.ExecuteAsync("""
                INSERT INTO teams (id, name, lead_id, group_chat_id, updated_at) VALUES (@Id, @Name, @Lead, @Group, @now)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, lead_id = excluded.lead_id, group_chat_id = excluded.group_chat_id, updated_at = excluded.updated_at
                """, new { team.Id, team.Name, team.Lead, team.Group, now }, token);
            await database.ExecuteAsync("DELETE FROM team_members WHERE team_id = @Id AND source = 'file'", new { team.Id }, token);
            await database.ExecuteAsync(
                "INSERT INTO team_members (team_id, user_id, source, joined_at) VALUES (@Id, @member, 'file', @now) ON CONFLICT (team_id, user_id) DO NOTHING",
                team.Members.Select(member => new { team.Id, member, now }).ToList(), token);
            await database.ExecuteAsync("DELETE FROM team_contacts WHERE team_id = @Id", new { team.Id }, token);
            await database.ExecuteAsync(
                "INSERT INTO team_contacts (team_id, person_id, email, name) VALUES (@Id, @PersonId, @Email, @Name)",
                team.Contacts.Select(c => new { team.Id, c.PersonId, c.Email, c.Name }).ToList(), token);
            await database.ExecuteAsync("DELETE FROM team_robots WHERE team_id = @Id", new { team.Id }, token);
            await database.ExecuteAsync(
                "INSERT INTO team_robots (team_id, robot) VALUES (@Id, @robot)", team.Robots.Select(robot => new { team.Id, robot }).ToList(), token);
        }
        var after = (await AllMembersAsync(token)).ToHashSet();
        return [.. before.Except(after).Concat(after.Except(before))];
    }, ct);

    public Task<IReadOnlyList<long>> MembersAsync(string teamId, CancellationToken ct) => database.QueryAsync<long>(
        "SELECT user_id FROM team_members WHERE team_id = @teamId ORDER BY joined_at, user_id", new { teamId }, ct);

    /// <summary>Where a team's messages go: each member's chat, then the team's group chat if it has one.</summary>
    public async Task<IReadOnlyList<long>> ChatsAsync(string teamId, CancellationToken ct)
    {
        var members = await MembersAsync(teamId, ct);
        var group = await database.ScalarAsync<long?>("SELECT group_chat_id FROM teams WHERE id = @teamId", new { teamId }, ct);
        return group is { } g ? [.. members, g] : members;
    }

    /// <summary>
    /// Everyone and everything a team's messages go to: each member in order (Telegram members first, with their email
    /// and name when the file gives them; then those known only by email), the group chat, the robots.
    /// </summary>
    public async Task<TeamReach> ReachAsync(string teamId, CancellationToken ct)
    {
        var telegram = await MembersAsync(teamId, ct);
        var contacts = (await database.QueryAsync<(long PersonId, string? Email, string? Name)>(
            "SELECT person_id, email, name FROM team_contacts WHERE team_id = @teamId ORDER BY email, person_id", new { teamId }, ct))
            .ToDictionary(c => c.PersonId, c => new TeamContact(c.PersonId, null, c.Email, c.Name));
        var members = telegram.Select(id => contacts.TryGetValue(id, out var c) ? c with { Telegram = id } : new TeamContact(id, id, null, null))
            .Concat(contacts.Values.Where(c => !telegram.Contains(c.PersonId)))
            .ToList();
        var group = await database.ScalarAsync<long?>("SELECT group_chat_id FROM teams WHERE id = @teamId", new { teamId }, ct);
        var robots = await database.QueryAsync<string>("SELECT robot FROM team_robots WHERE team_id = @teamId ORDER BY robot", new { teamId }, ct);
        return new TeamReach(members, group, robots);
    }

    /// <summary>One person as a member of any team: their Telegram id (if any), email and name; null for someone known only by an email no team has.</summary>
    public async Task<TeamContact?> PersonAsync(long personId, CancellationToken ct)
    {
        var contact = (await database.QueryAsync<(long PersonId, string? Email, string? Name)>(
            "SELECT person_id, email, name FROM team_contacts WHERE person_id = @personId ORDER BY team_id LIMIT 1", new { personId }, ct))
            .Select(c => new TeamContact(c.PersonId, null, c.Email, c.Name)).FirstOrDefault();
        return DeliveryRoute.IsChannelId(personId)
            ? contact
            : (contact ?? new TeamContact(personId, personId, null, null)) with { Telegram = personId };
    }

    /// <summary>Every member the file gives an email or a name, in any team (a small table).</summary>
    public async Task<IReadOnlyList<TeamContact>> AllContactsAsync(CancellationToken ct) =>
        [.. (await database.QueryAsync<(long PersonId, string? Email, string? Name)>("SELECT DISTINCT person_id, email, name FROM team_contacts", null, ct))
            .Select(c => new TeamContact(c.PersonId, DeliveryRoute.IsChannelId(c.PersonId) ? null : c.PersonId, c.Email, c.Name))];

    public async Task<bool> ExistsAsync(string teamId, CancellationToken ct) =>
        await database.ScalarAsync<long>("SELECT COUNT(*) FROM teams WHERE id = @teamId", new { teamId }, ct) > 0;

    /// <summary>The team's lead (who decides extensions and gets escalations).</summary>
    public Task<long?> LeadAsync(string teamId, CancellationToken ct) =>
        database.ScalarAsync<long?>("SELECT lead_id FROM teams WHERE id = @teamId", new { teamId }, ct);

    /// <summary>The teams of a person: a Telegram member's, or a member's known only by email.</summary>
    public Task<IReadOnlyList<string>> TeamsOfAsync(long userId, CancellationToken ct) => database.QueryAsync<string>(
        "SELECT team_id FROM team_members WHERE user_id = @userId UNION SELECT team_id FROM team_contacts WHERE person_id = @userId ORDER BY team_id", new { userId }, ct);

    public async Task<bool> IsMemberAsync(long userId, CancellationToken ct) => (await TeamsOfAsync(userId, ct)).Count > 0;

    public Task<IReadOnlyList<string>> TeamNamesAsync(long userId, CancellationToken ct) => database.QueryAsync<string>(
        "SELECT t.name FROM teams t JOIN team_members m ON m.team_id = t.id WHERE m.user_id = @userId ORDER BY t.name", new { userId }, ct);

    /// <summary>Every user in any team (their chats get the team commands in the "/" menu).</summary>
    public Task<IReadOnlyList<long>> AllMembersAsync(CancellationToken ct) =>
        database.QueryAsync<long>("SELECT DISTINCT user_id FROM team_members", null, ct);

    /// <summary>A one-time code for <paramref name="teamId"/>, valid 7 days.</summary>
    public async Task<(string Code, DateTimeOffset Expires)> CreateInviteAsync(string teamId, long createdBy, CancellationToken ct)
    {
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(5));
        var expires = clock.GetUtcNow() + InviteLifetime;
        await database.ExecuteAsync(
            "INSERT INTO invites (code, team_id, created_by, created_at, expires_at) VALUES (@code, @teamId, @createdBy, @now, @expires)",
            new { code, teamId, createdBy, now = clock.NowMs(), expires = expires.ToMs() }, ct);
        return (code, expires);
    }

    /// <summary>Uses the code (once, before it expires) and adds the member, in one transaction; returns the team joined, or null.</summary>
    public Task<(string TeamId, bool AlreadyMember)?> JoinAsync(string code, long userId, CancellationToken ct) =>
        database.InTransactionAsync<(string TeamId, bool AlreadyMember)?>(async token =>
        {
            var now = clock.NowMs();
            var teamId = await database.ScalarAsync<string?>("""
                UPDATE invites SET used_by = @userId, used_at = @now
                WHERE code = @code AND used_by IS NULL AND expires_at > @now RETURNING team_id
                """, new { code = code.Trim().ToUpperInvariant(), userId, now }, token);
            if (teamId is null)
            {
                return null;
            }
            var added = await database.ExecuteAsync(
                "INSERT INTO team_members (team_id, user_id, source, joined_at) VALUES (@teamId, @userId, 'invite', @now) ON CONFLICT (team_id, user_id) DO NOTHING",
                new { teamId, userId, now }, token);
            return (teamId, added == 0);
        }, ct);
}
