using Bot.Worker.Audit;

namespace Bot.Worker.Awareness;

/// <summary>
/// The alert use cases, for every door (chat commands, buttons, web pages): propose an alert to a topic
/// (a broadcast template, or the admin's own text inside <c>alert</c>), approve or reject one. Every rule
/// is here or below: a known topic and template, a non-empty text within the output limit, a different
/// admin approves (<see cref="BroadcastService.DecideAsync"/>), audit entries, the other admins' notices.
/// </summary>
internal sealed class BroadcastProposals(BroadcastService broadcasts, BroadcastStore store, BroadcastNotices notices, AlertTexts texts, AuditStore audit)
{
    public async Task<ProposalResult> ProposeAsync(AlertProposal proposal, CancellationToken ct)
    {
        if (Topics.Parse(proposal.Topic) is not { } topic)
        {
            return new ProposalResult(ProposalOutcome.UnknownTopic);
        }
        string template;
        string? text = null;
        if (proposal.Text is null)
        {
            if (CampaignsFileParser.BroadcastTemplates.FirstOrDefault(t => t == proposal.Template) is not { } known)
            {
                return new ProposalResult(ProposalOutcome.UnknownTemplate);
            }
            template = known;
        }
        else
        {
            template = AlertTexts.Template;
            text = AlertTexts.Normalize(proposal.Text);
            var draft = new Broadcast { Kind = BroadcastKind.Alert, Topic = topic, Template = template, Text = text, ProposedBy = proposal.AdminId };
            if (texts.Problem(draft) is { } problem)
            {
                if (problem.Outcome != ProposalOutcome.EmptyText)
                {
                    await audit.WriteAsync(proposal.AdminId, "/broadcast", $"{topic} {BroadcastService.Describe(template, text)} refused: {problem.Outcome}", allowed: true, ct);
                }
                return problem;
            }
        }
        var id = await broadcasts.ProposeAlertAsync(topic, template, text, proposal.AdminId, proposal.RunKey, ct);
        var b = (await store.FindAsync(id, ct))!;
        var audience = await store.AudienceAsync(topic, ct);
        await notices.PendingAsync(b, audience, proposal.AdminId, ct);
        return new ProposalResult(ProposalOutcome.Proposed, b, audience);
    }

    /// <summary>Approves a pending alert as <paramref name="admin"/>; the proposer's own approval is refused and audited.</summary>
    public Task<DecisionResult> ApproveAsync(long id, long admin, CancellationToken ct) => DecideAsync(id, admin, approve: true, ct);

    public Task<DecisionResult> RejectAsync(long id, long admin, CancellationToken ct) => DecideAsync(id, admin, approve: false, ct);

    private async Task<DecisionResult> DecideAsync(long id, long admin, bool approve, CancellationToken ct)
    {
        var (outcome, b) = await broadcasts.DecideAsync(id, admin, approve, ct);
        var result = new DecisionResult(outcome, id, b, b is null ? 0 : await store.AudienceAsync(b.Topic, ct));
        if (result.Decided)
        {
            await notices.DecidedAsync(outcome, b!, result.Audience, admin, ct);
        }
        return result;
    }
}
