using System.Globalization;
using Bot.Worker.Chats;
using Bot.Worker.Delivery;

namespace Bot.Worker.Deadlines;

/// <summary>
/// Display names for the people and routes in deadline messages and evidence: a Telegram user's first name (else the
/// name the file gives, else the id), a member known only by email by their name or address, a robot as "robot NAME",
/// an address as "email ADDRESS".
/// </summary>
internal sealed class MemberNames(TeamStore teams, RecipientDirectory recipients, DeadlineConfigSource config)
{
    public async Task<string> NameAsync(long id, CancellationToken ct) => (await NamesAsync([id], ct))[id];

    public async Task<IReadOnlyDictionary<long, string>> NamesAsync(IEnumerable<long> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var names = new Dictionary<long, string>();
        IReadOnlyList<TeamContact>? contacts = null;
        foreach (var id in wanted)
        {
            if (!DeliveryRoute.IsChannelId(id))
            {
                var name = await recipients.NameAsync(id, ct);
                if (name == id.ToString(CultureInfo.InvariantCulture))
                {
                    contacts ??= await teams.AllContactsAsync(ct);
                    name = contacts.FirstOrDefault(c => c.PersonId == id)?.Name ?? name;
                }
                names[id] = name;
                continue;
            }
            if (config.Current.Teams.SelectMany(t => t.Robots).FirstOrDefault(r => DeliveryRoute.RobotId(r) == id) is { } robot)
            {
                names[id] = "robot " + robot;
                continue;
            }
            contacts ??= await teams.AllContactsAsync(ct);
            var contact = contacts.FirstOrDefault(c => c.PersonId == id) ?? contacts.FirstOrDefault(c => c.Email is { } e && DeliveryRoute.EmailId(e) == id);
            names[id] = contact is null ? id.ToString(CultureInfo.InvariantCulture)
                : contact.PersonId == id ? contact.Name ?? contact.Email ?? ""
                : "email " + contact.Email;
        }
        return names;
    }
}
