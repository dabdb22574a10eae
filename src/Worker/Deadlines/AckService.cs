using Bot.Worker.Storage;

namespace Bot.Worker.Deadlines;

/// <summary>
/// What the ack page's POST does (PRODUCT.md 4.9): the same use cases as the Telegram buttons (<see cref="DeadlineActions"/>),
/// for the link's person or, through a robot's link, the member who says they are acting; the evidence says who and
/// "via email" or "via robot NAME". The use and the action commit together; a link acts once per person.
/// </summary>
internal sealed class AckService(IDatabase database, AckReader reader, AckUseStore uses, DeadlineActions actions, TimeProvider clock)
{
    public Task<AckView> ReadAsync(string? token, CancellationToken ct) => reader.ReadAsync(token, null, ct);

    /// <summary>Acts; returns the outcome (done, already_closed, items_pending (nothing used up; the view says how many), snoozed, extension_requested, approved, denied, or the view's problem) and when a snooze ends.</summary>
    public async Task<(string Outcome, AckView View, DateTimeOffset? Until)> ActAsync(string? token, long? actingPerson, string? reason, CancellationToken ct)
    {
        var view = await reader.ReadAsync(token, actingPerson, ct);
        if (view.Problem is { } problem)
        {
            return (problem, view, null);
        }
        var person = view.PersonId ?? actingPerson;
        if (person is not { } who || (view.Robot is not null && view.Members.All(m => m.Id != who)))
        {
            return ("choose", view, null);
        }
        var (ticket, o) = (view.Ticket!, view.Occurrence!);
        var via = view.Robot is { } robot ? $"via robot {robot}" : "via email";
        try
        {
            return await database.InTransactionAsync(async token2 =>
        {
            if (!await uses.AddAsync(AckLinks.Fingerprint(token!), who, o.Id, ticket.Action, token2))
            {
                return ("used", view with { UsedAt = clock.GetUtcNow() }, (DateTimeOffset?)null);
            }
            switch (ticket.Action)
            {
                case AckAction.Done:
                    var done = await actions.DoneAsync(o, who, via, token2);
                    // Refused (a batch's numbers still pending): the link is not used up, it works once they are handled.
                    return done.Pending > 0 ? throw new ItemsPending(done.Pending) : (done.Action, view, null);
                case AckAction.Snooze:
                    var (until, _) = await actions.SnoozeAsync(o, who, TimeSpan.FromHours(1), via, token2);
                    return ("snoozed", view, until);
                case AckAction.Extend:
                    var text = string.IsNullOrWhiteSpace(reason) ? "" : reason.Trim();
                    await actions.RequestExtensionAsync(o, who, text.Length > 500 ? text[..500] : text, DeadlineActions.DefaultExtension, via, token2);
                    return ("extension_requested", view, null);
                default:
                    var outcome = await actions.DecideExtensionAsync(ticket.Target, who, isAdmin: false, ticket.Action == AckAction.Approve, via, token2);
                    return (outcome.ToString().ToLowerInvariant(), view, null);
            }
        }, ct);
        }
        catch (ItemsPending refused)
        {
            return ("items_pending", view with { Pending = refused.Count }, null);
        }
    }

    /// <summary>Rolls the link's use back with the refused Done.</summary>
    private sealed class ItemsPending(int count) : Exception
    {
        public int Count { get; } = count;
    }
}
