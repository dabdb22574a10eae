using Bot.Worker.Commands.Reports;
using Bot.Worker.Reports;

namespace Bot.Worker.Commands.Scam;

/// <summary>
/// Text that is not a command in a private chat (typed, pasted or forwarded): the report the chat started with Report to us
/// (or with Send it to our team under a 👎), else a check.
/// </summary>
internal sealed class FreeTextHandler(ReportService reports, ReportFiler filer, VerdictReply verdict)
{
    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(context.Args))
        {
            return;
        }
        if (await reports.TakeAwaitingAsync(context.ChatId, ct) is { } prompt)
        {
            await filer.FileAsync(context, context.Args, prompt, ct);
            return;
        }
        await verdict.SendAsync(context, context.Args, ct);
    }
}
