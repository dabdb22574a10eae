using Bot.Worker.Awareness;

namespace Bot.Worker.Commands.Awareness;

/// <summary>
/// /broadcast TOPIC TEMPLATE, or /broadcast TOPIC with the alert's text on the following lines: a door to
/// <see cref="BroadcastProposals"/>. The proposer gets the id and a preview; the service notifies the other admins.
/// </summary>
internal sealed class BroadcastCommand(BroadcastProposals proposals, BroadcastNotices notices, TopicView topics) : ICommandHandler
{
    public string Name => "broadcast";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var newline = context.Args.IndexOf('\n', StringComparison.Ordinal);
        var head = (newline < 0 ? context.Args : context.Args[..newline]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var body = newline < 0 ? null : context.Args[(newline + 1)..];
        var hasText = !string.IsNullOrWhiteSpace(body);
        if (head.Length == 0 || (head.Length == 1 && !hasText))
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        if (head.Length > 2 || (head.Length == 2 && hasText))
        {
            // A template and a text, or words after the template: the text goes on the lines below "/broadcast TOPIC".
            throw new UsageException(UsageProblem.BadArguments, head[^1]);
        }
        var result = await proposals.ProposeAsync(
            new AlertProposal(context.User.Id, head[0], hasText ? null : head[1], hasText ? body : null, "alert:" + context.Update.Key), cancellationToken);
        switch (result.Outcome)
        {
            case ProposalOutcome.UnknownTopic:
                throw new UsageException(UsageProblem.BadArguments, head[0]);
            case ProposalOutcome.UnknownTemplate:
                throw new UsageException(UsageProblem.BadArguments, head[1]);
            case ProposalOutcome.EmptyText:
                throw new UsageException(UsageProblem.MissingArguments);
            case ProposalOutcome.TextTooLong or ProposalOutcome.TemplateIgnoresText:
                await context.ReplyAsync("broadcast-refused", new
                {
                    Reason = result.Outcome == ProposalOutcome.TextTooLong ? "too_long" : "template_ignores_text",
                    result.Length,
                    result.Limit,
                    result.Language,
                    result.Version,
                }, ct: cancellationToken);
                return;
        }
        var b = result.Broadcast!;
        await context.ReplyAsync("broadcast-proposed", new
        {
            b.Id,
            Topic = topics.Name(context.Language, b.Topic),
            b.Template,
            WithText = b.Text is not null,
            result.Audience,
        }, ct: cancellationToken);
        await context.SendAsync(notices.Preview(b, context.Recipient), b.Template, cancellationToken);
    }
}
