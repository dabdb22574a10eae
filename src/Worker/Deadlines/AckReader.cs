using Bot.Worker.Delivery;

namespace Bot.Worker.Deadlines;

/// <summary>
/// Reads an ack link for its page without changing anything (mail scanners and link previews only GET): the signed
/// ticket, the occurrence (or extension request) it names, who it is for, and whether it can still act.
/// </summary>
internal sealed class AckReader(AckLinks links, OccurrenceStore occurrences, ExtensionStore extensions, TeamStore teams, AckUseStore uses, MemberNames names)
{
    public async Task<AckView> ReadAsync(string? token, long? actingPerson, CancellationToken ct)
    {
        if (links.Read(token, out var problem) is not { } ticket)
        {
            return AckView.Refused(problem!);
        }
        var request = ticket.IsExtensionDecision ? await extensions.FindAsync(ticket.Target, ct) : null;
        var occurrence = await occurrences.FindAsync(ticket.IsExtensionDecision ? request?.OccurrenceId ?? 0 : ticket.Target, ct);
        if (occurrence is null || (ticket.IsExtensionDecision && request is null))
        {
            return AckView.Refused("unknown");
        }
        var reach = await teams.ReachAsync(occurrence.TeamId, ct);
        var view = new AckView(null, ticket, occurrence) { Team = occurrence.TeamId };
        if (ticket.ViaRobot)
        {
            if (reach.Robots.FirstOrDefault(r => DeliveryRoute.RobotId(r) == ticket.Subject) is not { } robot)
            {
                return view with { Problem = "unknown" };
            }
            var members = await names.NamesAsync(reach.Members.Select(m => m.PersonId), ct);
            view = view with { Robot = robot, Members = [.. reach.Members.Select(m => (m.PersonId, members[m.PersonId]))] };
        }
        else if (reach.Members.All(m => m.PersonId != ticket.Subject)
            || (ticket.IsExtensionDecision && await teams.LeadAsync(occurrence.TeamId, ct) != ticket.Subject))
        {
            return view with { Problem = "unknown" };
        }
        else
        {
            view = view with { PersonId = ticket.Subject, PersonName = await names.NameAsync(ticket.Subject, ct) };
        }
        if (request is not null)
        {
            view = view with { Request = request, RequesterName = await names.NameAsync(request.UserId, ct) };
        }
        if (occurrence.State != OccurrenceState.Open)
        {
            return view with
            {
                Problem = "closed",
                ClosedBy = occurrence.ClosedBy is { } by ? await names.NameAsync(by, ct) : null,
                ClosedAt = occurrence.ClosedAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null,
            };
        }
        if (request is { State: not "pending" })
        {
            return view with { Problem = "decided" };
        }
        if ((view.PersonId ?? actingPerson) is { } person && await uses.UsedAtAsync(AckLinks.Fingerprint(token!), person, ct) is { } used)
        {
            return view with { Problem = "used", UsedAt = used };
        }
        return view;
    }
}
