using System.Globalization;
using Bot.Worker.Chats;
using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Bot.Worker.Scam;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Reports;

/// <summary>What is sent about a report: a notice with Confirm number / Not fraud / Close to every admin, and the decision to the reporter.</summary>
internal sealed class ReportNotices(MessageRenderer renderer, RecipientDirectory recipients, IOutbox outbox, Labels labels, BotSettings settings)
{
    /// <summary>The notice quotes at most this much of the report, so it stays one message with its buttons.</summary>
    public const int MaxQuoted = 3000;

    public async Task FiledAsync(Report report, CancellationToken ct)
    {
        var reporter = await recipients.NameAsync(report.UserId, ct);
        var entities = ReportEntities.Decode(report.Entities);
        var id = report.Id.ToString(CultureInfo.InvariantCulture);
        var messages = new List<OutgoingMessage>();
        foreach (var admin in settings.Admins.Distinct())
        {
            var to = await recipients.ForAsync(admin, ct);
            var html = renderer.Render("report-notice", to, new
            {
                report.Kind,
                Verdict = new
                {
                    Emoji = ScamVerdict.EmojiOf(report.VerdictLevel),
                    Signs = report.VerdictSignIds,
                },
                report.Id,
                Reporter = reporter,
                ReporterId = report.UserId,
                Text = report.Text.Length <= MaxQuoted ? report.Text : report.Text[..MaxQuoted] + "…",
                Numbers = ReportEntities.Numbers(entities).Select(e => new { Kind = e.Kind.ToString().ToLowerInvariant(), e.Value }).ToList(),
                Hosts = entities.Where(e => e.Kind == EntityKind.Link).Select(e => e.Host ?? e.Value).Distinct().ToList(),
            });
            IReadOnlyList<IReadOnlyList<InlineButton>> buttons =
            [
                [new InlineButton(labels.Get(to.Language, "button.confirm_number"), ReportCallbacks.Data(ReportCallbacks.Confirm, report.Id))],
                [
                    new InlineButton(labels.Get(to.Language, "button.not_fraud"), ReportCallbacks.Data(ReportCallbacks.NotFraud, report.Id)),
                    new InlineButton(labels.Get(to.Language, "button.close"), ReportCallbacks.Data(ReportCallbacks.Close, report.Id)),
                ],
            ];
            messages.Add(new OutgoingMessage($"rp:{id}:notice:{admin}", admin, html, MessagePriority.Reply, "report-notice", buttons));
        }
        if (messages.Count > 0)
        {
            await outbox.EnqueueManyAsync(messages, ct);
        }
    }

    public async Task DecidedAsync(Report report, ReportDecision decision, int added, CancellationToken ct)
    {
        var to = await recipients.ForAsync(report.ChatId, ct);
        var html = renderer.Render("report-decided", to, new { report.Id, Decision = Name(decision), Added = added });
        await outbox.EnqueueAsync(new OutgoingMessage($"rp:{report.Id}:decided", report.ChatId, html, MessagePriority.Reply, "report-decided"), ct);
    }

    public static string Name(ReportDecision decision) => decision switch
    {
        ReportDecision.Confirmed => ReportState.Confirmed,
        ReportDecision.NotFraud => ReportState.NotFraud,
        _ => ReportState.Closed,
    };
}
