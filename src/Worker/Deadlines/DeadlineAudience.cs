using Bot.Worker.Chats;
using Bot.Worker.Configuration;
using Bot.Worker.Delivery;

namespace Bot.Worker.Deadlines;

/// <summary>
/// Who a deadline message goes to, channel by channel (PRODUCT.md 4.9): a member with Telegram by Telegram, with a
/// held email beside it when the file gives one (sent if Telegram answers 403 or "chat not found"), or by email at
/// once when their chat is known to be blocked; a member known only by email by email; the team's group chat; the
/// team's robots. Each reads the message in their chat's language, else the bot's default.
/// </summary>
internal sealed class DeadlineAudience(TeamStore teams, ChatStore chats, RecipientDirectory recipients, BotSettings settings)
{
    /// <summary>The team: its members (but <paramref name="skip"/>, snoozed people), its group chat and, with <paramref name="robots"/>, its robots.</summary>
    public async Task<IReadOnlyList<Addressee>> TeamAsync(string teamId, bool robots, IReadOnlySet<long>? skip, CancellationToken ct)
    {
        var reach = await teams.ReachAsync(teamId, ct);
        var audience = new List<Addressee>();
        foreach (var member in reach.Members.Where(m => skip is null || !skip.Contains(m.PersonId)))
        {
            audience.Add(await MemberAsync(member, ct));
        }
        if (reach.Group is { } group)
        {
            audience.Add(new Addressee(DeliveryRoute.ToTelegram(group), await recipients.ForAsync(group, ct), null));
        }
        if (robots)
        {
            audience.AddRange(reach.Robots.Select(Robot));
        }
        return audience;
    }

    /// <summary>One person (the lead, someone who snoozed, who asked for an extension); none if the person is unknown.</summary>
    public async Task<IReadOnlyList<Addressee>> PersonAsync(long personId, CancellationToken ct) =>
        await teams.PersonAsync(personId, ct) is { } person ? [await MemberAsync(person, ct)] : [];

    /// <summary>The team's lead, by each of their channels (none when the team has no lead).</summary>
    public async Task<IReadOnlyList<Addressee>> LeadAsync(string teamId, CancellationToken ct) =>
        await teams.LeadAsync(teamId, ct) is { } lead ? await PersonAsync(lead, ct) : [];

    /// <summary>The team's robots alone.</summary>
    public async Task<IReadOnlyList<Addressee>> RobotsAsync(string teamId, CancellationToken ct) =>
        [.. (await teams.ReachAsync(teamId, ct)).Robots.Select(Robot)];

    private async Task<Addressee> MemberAsync(TeamContact member, CancellationToken ct)
    {
        if (member.Telegram is not { } telegram)
        {
            var to = new Recipient(member.PersonId, member.PersonId, member.Name ?? "", null, settings.DefaultLanguage, settings.TimeZone);
            return new Addressee(DeliveryRoute.ToEmail(member.Email!, member.Name), to, member.PersonId, Note: "email " + member.Email);
        }
        var chat = await chats.FindAsync(telegram, ct);
        var reader = recipients.For(telegram, chat);
        if (member.Email is not { } email)
        {
            return new Addressee(DeliveryRoute.ToTelegram(telegram), reader, telegram);
        }
        var byEmail = DeliveryRoute.ToEmail(email, member.Name ?? chat?.FirstName);
        return chat?.Status == ChatStatus.Blocked
            ? new Addressee(byEmail, reader, telegram, Note: $"email {email} (the Telegram chat is blocked)")
            : new Addressee(DeliveryRoute.ToTelegram(telegram), reader, telegram, Fallback: byEmail);
    }

    private Addressee Robot(string name) =>
        new(DeliveryRoute.ToRobot(name), new Recipient(DeliveryRoute.RobotId(name), 0, "", null, settings.DefaultLanguage, settings.TimeZone), null, Note: "robot " + name);
}
