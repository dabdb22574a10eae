using System.Globalization;
using Bot.Worker.Awareness;
using Bot.Worker.Templating;

namespace Bot.Worker.Web.Console;

/// <summary>The broadcasts pages' words in the viewer's language: topics, states, what an alert sends, the service's refusals.</summary>
internal sealed class BroadcastWords(ConsoleViewer viewer, TopicView topics, TimeWords words)
{
    private const int Excerpt = 80;

    public string TopicName(string topic) => topics.Name(viewer.Language, topic);

    public string State(string state) => viewer.T("web.broadcast." + state);

    /// <summary>A person as "name (id)" (two admins may share a first name), or just the id when no name is known.</summary>
    public static string Person(string? name, long? id) => id is not { } n
        ? ""
        : name is { Length: > 0 } && name != n.ToString(CultureInfo.InvariantCulture) ? $"{name} ({n.ToString(CultureInfo.InvariantCulture)})" : n.ToString(CultureInfo.InvariantCulture);

    public string Eta(TimeSpan eta) => words.Format(eta, viewer.Language);

    /// <summary>The template, or the start of the admin's own text (as typed: the page encodes it).</summary>
    public string Content(Broadcast b) => b.Text is { } text
        ? Format("web.broadcasts.own_text", text.Length <= Excerpt ? text : text[..Excerpt] + "…")
        : Format("web.broadcasts.template", b.Template);

    public string Refusal(ProposalResult r) => r.Outcome switch
    {
        ProposalOutcome.UnknownTopic => viewer.T("web.broadcasts.refused.unknown_topic"),
        ProposalOutcome.UnknownTemplate => viewer.T("web.broadcasts.refused.unknown_template"),
        ProposalOutcome.EmptyText => viewer.T("web.broadcasts.refused.empty_text"),
        ProposalOutcome.TextTooLong => Format("web.broadcasts.refused.too_long", r.Length, r.Limit, r.Language),
        ProposalOutcome.TemplateIgnoresText => Format("web.broadcasts.refused.template_ignores_text", r.Language, r.Version),
        _ => "",
    };

    public string Decision(BroadcastDecision outcome) => viewer.T(outcome switch
    {
        BroadcastDecision.Approved => "web.broadcasts.decision.approved",
        BroadcastDecision.Rejected => "web.broadcasts.decision.rejected",
        BroadcastDecision.Withdrawn => "web.broadcasts.decision.withdrawn",
        BroadcastDecision.NotProposer => "web.broadcasts.decision.not_proposer",
        BroadcastDecision.OwnProposal => "web.broadcasts.decision.own_proposal",
        BroadcastDecision.AlreadyDecided => "web.broadcasts.decision.already_decided",
        _ => "web.broadcasts.decision.not_found",
    });

    private string Format(string key, params object[] args) => string.Format(CultureInfo.InvariantCulture, viewer.T(key), args);
}
