using System.Globalization;
using Bot.Worker.Chats;
using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Awareness;

/// <summary>What admins are told about a proposed alert: each other admin gets a notice with Approve/Reject and the preview.</summary>
internal sealed class BroadcastNotices(
    MessageRenderer renderer, RecipientDirectory recipients, IOutbox outbox, BroadcastModels models, TopicView topics, Labels labels, BotSettings settings, PaidBroadcasts paid)
{
    public async Task PendingAsync(Broadcast b, int audience, long proposer, CancellationToken ct)
    {
        var name = await recipients.NameAsync(proposer, ct);
        foreach (var admin in settings.Admins.Where(a => a != proposer).Distinct())
        {
            var to = await recipients.ForAsync(admin, ct);
            var id = b.Id.ToString(CultureInfo.InvariantCulture);
            var notice = renderer.Render("broadcast-pending", to, new { b.Id, Topic = topics.Name(to.Language, b.Topic), b.Template, WithText = b.Text is not null, Audience = audience, Proposer = name, Stars = paid.Estimate(audience) });
            IReadOnlyList<IReadOnlyList<InlineButton>> buttons =
                [[
                    new InlineButton(labels.Get(to.Language, "button.approve"), BroadcastCallbacks.Data(BroadcastCallbacks.Approve, b.Id)),
                    new InlineButton(labels.Get(to.Language, "button.reject"), BroadcastCallbacks.Data(BroadcastCallbacks.Reject, b.Id)),
                ]];
            await outbox.EnqueueManyAsync(
            [
                new OutgoingMessage($"bc:{id}:pending:{admin}", admin, notice, MessagePriority.Reply, "broadcast-pending", buttons),
                new OutgoingMessage($"bc:{id}:preview:{admin}", admin, Preview(b, to), MessagePriority.Reply, b.Template),
            ], ct);
        }
    }

    public string Preview(Broadcast b, Recipient to) => renderer.Render(b.Template, to, models.Preview(b, to.Language));

    /// <summary>The preview as <paramref name="admin"/> gets it in chat: in their language.</summary>
    public async Task<string> PreviewForAsync(Broadcast b, long admin, CancellationToken ct) => Preview(b, await recipients.ForAsync(admin, ct));

    /// <summary>The broadcast-decision values for a reply or notice.</summary>
    public object Decision(BroadcastDecision outcome, long id, Broadcast? b, int audience, string by, string language) => new
    {
        Action = outcome switch
        {
            BroadcastDecision.Approved => "approved",
            BroadcastDecision.Rejected => "rejected",
            BroadcastDecision.Withdrawn => "withdrawn",
            BroadcastDecision.NotProposer => "not_proposer",
            BroadcastDecision.OwnProposal => "own_proposal",
            BroadcastDecision.AlreadyDecided => "already_decided",
            _ => "not_found",
        },
        Id = id,
        Topic = b is null ? "" : topics.Name(language, b.Topic),
        Template = b?.Template ?? "",
        Audience = audience,
        By = by,
    };

    /// <summary>An approval or rejection is told to the proposer; a withdrawal to the admins who had the notice.</summary>
    public async Task DecidedAsync(BroadcastDecision outcome, Broadcast b, int audience, long decider, CancellationToken ct)
    {
        var told = outcome == BroadcastDecision.Withdrawn
            ? settings.Admins.Where(a => a != decider).Distinct().ToList()
            : b.ProposedBy is { } proposer && proposer != decider ? [proposer] : [];
        var by = told.Count == 0 ? "" : await recipients.NameAsync(decider, ct);
        foreach (var admin in told)
        {
            var to = await recipients.ForAsync(admin, ct);
            var html = renderer.Render("broadcast-decision", to, Decision(outcome, b.Id, b, audience, by, to.Language));
            await outbox.EnqueueAsync(new OutgoingMessage($"bc:{b.Id}:decided:{admin}", admin, html, MessagePriority.Reply, "broadcast-decision"), ct);
        }
    }
}
