using Bot.Worker.Audit;
using Bot.Worker.Storage;

namespace Bot.Worker.Awareness;

/// <summary>
/// Starts broadcasts: a campaign run when its trigger fires (once per slot), or an alert an admin
/// proposed, once a different admin approved it. Every alert step is audited.
/// </summary>
internal sealed class BroadcastService(IDatabase database, BroadcastStore store, BroadcastQueue queue, CampaignConfigSource campaigns, AuditStore audit)
{
    public async Task StartCampaignRunAsync(string campaignId, DateTimeOffset slot, CancellationToken ct)
    {
        if (campaigns.Find(campaignId) is not { } campaign)
        {
            return;
        }
        var (id, created) = await store.CreateAsync(new Broadcast
        {
            RunKey = $"campaign:{campaign.Id}@{slot.ToUnixTimeMilliseconds()}",
            Kind = BroadcastKind.Campaign,
            CampaignId = campaign.Id,
            Topic = campaign.Topic,
            Template = campaign.Template,
            Rotate = campaign.Rotate,
            State = BroadcastState.Approved,
        }, ct);
        if (created)
        {
            queue.Post(id);
        }
    }

    /// <summary>
    /// A pending alert (with its own <paramref name="text"/> if given, else the template's); <paramref name="runKey"/> ties it to
    /// the update that proposed it, so a redelivered update proposes nothing new. Callers check the input first
    /// (<see cref="BroadcastProposals"/>).
    /// </summary>
    public Task<long> ProposeAlertAsync(string topic, string template, string? text, long proposer, string runKey, CancellationToken ct) => database.InTransactionAsync(async token =>
    {
        var (id, created) = await store.CreateAsync(new Broadcast
        {
            RunKey = runKey,
            Kind = BroadcastKind.Alert,
            Topic = topic,
            Template = template,
            Text = text,
            State = BroadcastState.PendingApproval,
            ProposedBy = proposer,
        }, token);
        if (created)
        {
            await audit.WriteAsync(proposer, "/broadcast", $"#{id} {topic} {Describe(template, text)}", allowed: true, token);
        }
        return id;
    }, ct);

    /// <summary>How the audit log names what an alert sends: the template, or the template with the admin's text (its length, not the text).</summary>
    public static string Describe(string template, string? text) =>
        text is null ? template : $"{template} + text ({text.Length} characters)";

    /// <summary>Approves or rejects a pending alert; a different admin decides: its proposer can neither approve nor reject it (they may withdraw it).</summary>
    public async Task<(BroadcastDecision Outcome, Broadcast? Broadcast)> DecideAsync(long id, long admin, bool approve, CancellationToken ct)
    {
        var b = await store.FindAsync(id, ct);
        var action = approve ? "/approve" : "/reject";
        if (b is not { Kind: BroadcastKind.Alert })
        {
            return (BroadcastDecision.NotFound, null);
        }
        if (b.State != BroadcastState.PendingApproval)
        {
            return (BroadcastDecision.AlreadyDecided, b);
        }
        if (b.ProposedBy == admin)
        {
            var verb = approve ? "approve" : "reject";
            await audit.WriteAsync(admin, action, $"#{id} refused: the proposer cannot {verb} their own broadcast (they may withdraw it)", allowed: false, ct);
            return (BroadcastDecision.OwnProposal, b);
        }
        // The decision and its audit entry commit together; the enqueue starts once they did.
        var decided = await database.InTransactionAsync(async token =>
        {
            if (!await store.DecideAsync(id, approve, admin, token))
            {
                return false;
            }
            await audit.WriteAsync(admin, action, $"#{id} {b.Topic} {Describe(b.Template, b.Text)}", allowed: true, token);
            return true;
        }, ct);
        if (!decided)
        {
            return (BroadcastDecision.AlreadyDecided, b);
        }
        if (approve)
        {
            queue.Post(id);
        }
        return (approve ? BroadcastDecision.Approved : BroadcastDecision.Rejected, b);
    }

    /// <summary>The proposer takes back a pending alert (nothing is sent); anyone else is refused and audited.</summary>
    public async Task<(BroadcastDecision Outcome, Broadcast? Broadcast)> WithdrawAsync(long id, long admin, CancellationToken ct)
    {
        var b = await store.FindAsync(id, ct);
        if (b is not { Kind: BroadcastKind.Alert })
        {
            return (BroadcastDecision.NotFound, null);
        }
        if (b.ProposedBy != admin)
        {
            await audit.WriteAsync(admin, "/withdraw", $"#{id} refused: only the proposer may withdraw a broadcast", allowed: false, ct);
            return (BroadcastDecision.NotProposer, b);
        }
        var withdrawn = b.State == BroadcastState.PendingApproval && await database.InTransactionAsync(async token =>
        {
            if (!await store.WithdrawAsync(id, admin, token))
            {
                return false;
            }
            await audit.WriteAsync(admin, "/withdraw", $"#{id} {b.Topic} {Describe(b.Template, b.Text)} withdrawn", allowed: true, token);
            return true;
        }, ct);
        return (withdrawn ? BroadcastDecision.Withdrawn : BroadcastDecision.AlreadyDecided, b);
    }
}
