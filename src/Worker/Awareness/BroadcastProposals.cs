using Bot.Worker.Audit;

namespace Bot.Worker.Awareness;

/// <summary>
/// The alert use cases, for every door (chat commands, buttons, web pages): propose an alert to a topic
/// (a broadcast template, or the admin's own text inside <c>alert</c>), approve or reject one. Every rule
/// is here or below: a known topic and template, a non-empty text within the output limit, a different
/// admin approves (<see cref="BroadcastService.DecideAsync"/>), audit entries, the other admins' notices.
/// </summary>
internal sealed class BroadcastProposals(
    BroadcastService broadcasts, BroadcastStore store, BroadcastNotices notices, AlertTexts texts, AuditStore audit, PaidBroadcasts paid)
{
    public async Task<ProposalResult> ProposeAsync(AlertProposal proposal, CancellationToken ct)
    {
        var (problem, draft) = Check(proposal);
        if (problem is not null)
        {
            if (draft is not null && problem.Outcome != ProposalOutcome.EmptyText)
            {
                await audit.WriteAsync(proposal.AdminId, "/broadcast", $"{draft.Topic} {BroadcastService.Describe(draft.Template, draft.Text)} refused: {problem.Outcome}", allowed: true, ct);
            }
            return problem;
        }
        var id = await broadcasts.ProposeAlertAsync(draft!.Topic, draft.Template, draft.Text, proposal.AdminId, proposal.RunKey, ct);
        var b = (await store.FindAsync(id, ct))!;
        var audience = await store.AudienceAsync(b.Topic, ct);
        await notices.PendingAsync(b, audience, proposal.AdminId, ct);
        return new ProposalResult(ProposalOutcome.Proposed, b, audience);
    }

    /// <summary>
    /// What proposing would send, rendered as the proposer's preview (their language), or the refusal proposing would get.
    /// Nothing is stored, audited or sent: a door shows it before it proposes.
    /// </summary>
    public async Task<AlertPreview> PreviewAsync(AlertProposal proposal, CancellationToken ct)
    {
        var (problem, draft) = Check(proposal);
        if (problem is not null)
        {
            return new AlertPreview(problem);
        }
        return new AlertPreview(null, await notices.PreviewForAsync(draft!, proposal.AdminId, ct), await store.AudienceAsync(draft!.Topic, ct));
    }

    /// <summary>What sending <paramref name="b"/> to its topic's audience now would cost in Stars ("" when broadcasts are free).</summary>
    public async Task<string> EstimateAsync(Broadcast b, CancellationToken ct) =>
        paid.Enabled ? paid.Estimate(await store.AudienceAsync(b.Topic, ct)) : "";

    /// <summary>A proposed broadcast as its preview shows it to <paramref name="admin"/> (what the other admins get with their notice).</summary>
    public Task<string> PreviewOfAsync(Broadcast b, long admin, CancellationToken ct) => notices.PreviewForAsync(b, admin, ct);

    /// <summary>The rules a proposal must pass; the draft comes back with a text problem (it is audited), not with an unknown topic or template.</summary>
    private (ProposalResult? Problem, Broadcast? Draft) Check(AlertProposal proposal)
    {
        if (Topics.Parse(proposal.Topic) is not { } topic)
        {
            return (new ProposalResult(ProposalOutcome.UnknownTopic), null);
        }
        if (proposal.Text is null)
        {
            return CampaignsFileParser.BroadcastTemplates.FirstOrDefault(t => t == proposal.Template) is { } known
                ? (null, Draft(proposal, topic, known, null))
                : (new ProposalResult(ProposalOutcome.UnknownTemplate), null);
        }
        var draft = Draft(proposal, topic, AlertTexts.Template, AlertTexts.Normalize(proposal.Text));
        return (texts.Problem(draft), draft);
    }

    private static Broadcast Draft(AlertProposal proposal, string topic, string template, string? text) =>
        new() { Kind = BroadcastKind.Alert, Topic = topic, Template = template, Text = text, State = BroadcastState.PendingApproval, ProposedBy = proposal.AdminId };

    /// <summary>Approves a pending alert as <paramref name="admin"/>; the proposer's own approval is refused and audited.</summary>
    public Task<DecisionResult> ApproveAsync(long id, long admin, CancellationToken ct) => DecideAsync(id, admin, approve: true, ct);

    public Task<DecisionResult> RejectAsync(long id, long admin, CancellationToken ct) => DecideAsync(id, admin, approve: false, ct);

    /// <summary>The proposer withdraws their pending alert; the other admins are told.</summary>
    public async Task<DecisionResult> WithdrawAsync(long id, long admin, CancellationToken ct) =>
        await ResultAsync(id, admin, await broadcasts.WithdrawAsync(id, admin, ct), ct);

    private async Task<DecisionResult> DecideAsync(long id, long admin, bool approve, CancellationToken ct) =>
        await ResultAsync(id, admin, await broadcasts.DecideAsync(id, admin, approve, ct), ct);

    private async Task<DecisionResult> ResultAsync(long id, long admin, (BroadcastDecision Outcome, Broadcast? Broadcast) decision, CancellationToken ct)
    {
        var (outcome, b) = decision;
        var result = new DecisionResult(outcome, id, b, b is null ? 0 : await store.AudienceAsync(b.Topic, ct));
        if (result.Decided)
        {
            await notices.DecidedAsync(outcome, b!, result.Audience, admin, ct);
        }
        return result;
    }
}
