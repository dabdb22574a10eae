using Bot.Worker.Commands.Reports;
using Bot.Worker.Reports;
using Bot.Worker.Scam;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Scam;

/// <summary>
/// The buttons under a verdict (<see cref="FeedbackCallbacks"/>). 👍 and 👎 count once per verdict (<see cref="CheckLedger"/>);
/// after 👎 in a private chat the buttons become Send it to our team, which starts a wrong-verdict report
/// (<see cref="WrongVerdictReports"/>): the user's next message goes to the admins with the verdict it got.
/// </summary>
internal sealed class FeedbackButtons(CheckLedger ledger, WrongVerdictReports wrong, Labels labels, IBotTransport transport) : ICallbackHandler
{
    public string Prefix => FeedbackCallbacks.Prefix;

    public async Task<string?> HandleAsync(CommandContext context, string argument, CancellationToken cancellationToken)
    {
        if (!CallbackData.TryParse(Prefix, argument, out var data) || context.Update is not IncomingCallback callback)
        {
            return null;
        }
        return data.Verb switch
        {
            FeedbackCallbacks.Right or FeedbackCallbacks.Wrong => await VoteAsync(context, callback, data, cancellationToken),
            FeedbackCallbacks.Send => await SendAsync(context, callback, data.Id, cancellationToken),
            _ => null,
        };
    }

    private async Task<string> VoteAsync(CommandContext context, IncomingCallback callback, CallbackData data, CancellationToken ct)
    {
        var up = data.Verb == FeedbackCallbacks.Right;
        var (outcome, _) = await ledger.VoteAsync(data.Id, up, ct);
        if (outcome == VoteOutcome.VotedAlready)
        {
            return labels.Get(context.Language, "toast.verdict_voted_already");
        }
        // A private chat's 👎 offers to send the message; a group's verdict is everyone's, so it only counts there.
        var offer = outcome == VoteOutcome.Counted && !up && context.Update.ChatKind == ChatKind.Private;
        IReadOnlyList<IReadOnlyList<InlineButton>>? buttons = offer
            ? [[new InlineButton(labels.Get(context.Language, "button.send_wrong_verdict"), FeedbackCallbacks.Data(FeedbackCallbacks.Send, data.Id))]]
            : null;
        await transport.EditButtonsAsync(context.ChatId, callback.MessageId, buttons, ct);
        return labels.Get(context.Language, outcome == VoteOutcome.Gone ? "toast.verdict_gone" : up ? "toast.verdict_right" : offer ? "toast.verdict_wrong_offer" : "toast.verdict_wrong");
    }

    private async Task<string?> SendAsync(CommandContext context, IncomingCallback callback, long verdictId, CancellationToken ct)
    {
        if (context.Update.ChatKind != ChatKind.Private)
        {
            return null;
        }
        var start = await wrong.StartAsync(context.ChatId, context.User.Id, verdictId, ct);
        await transport.EditButtonsAsync(context.ChatId, callback.MessageId, null, ct);
        switch (start)
        {
            case WrongVerdictStart.Awaiting:
                await context.ReplyAsync("wrong-verdict-prompt", new { Minutes = (int)ReportService.AwaitFor.TotalMinutes }, ct: ct);
                return null;
            case WrongVerdictStart.RateLimited:
                await ReportFiler.RateLimitedAsync(context, ct);
                return null;
            default:
                return labels.Get(context.Language, "toast.verdict_gone");
        }
    }
}
