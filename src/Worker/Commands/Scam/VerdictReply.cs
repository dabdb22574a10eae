using Bot.Worker.Scam;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Scam;

/// <summary>Checks a text and replies with the verdict and its 👍 Right / 👎 Wrong buttons: the one place /check and free text share.</summary>
internal sealed class VerdictReply(ScamCheckService checks, VerdictModel model, Labels labels)
{
    public async Task SendAsync(CommandContext context, string text, CancellationToken ct)
    {
        var verdict = await checks.CheckAsync(text, ct);
        IReadOnlyList<IReadOnlyList<InlineButton>> buttons =
        [
            [
                new InlineButton(labels.Get(context.Language, "button.verdict_right"), FeedbackCallbacks.Data(FeedbackCallbacks.Right, verdict.Id)),
                new InlineButton(labels.Get(context.Language, "button.verdict_wrong"), FeedbackCallbacks.Data(FeedbackCallbacks.Wrong, verdict.Id)),
            ],
        ];
        await context.ReplyAsync("check-verdict", model.For(verdict, context.Language, context.Recipient.TimeZone), buttons, ct);
    }
}
