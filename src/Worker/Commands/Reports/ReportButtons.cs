using Bot.Worker.Reports;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Reports;

/// <summary>
/// Report buttons (<see cref="ReportCallbacks"/>): Report to us under /report (anyone); under an admin's notice
/// Confirm number, Not fraud, Close (admins only; the buttons go once decided). A door to <see cref="ReportDecisions"/>,
/// which the console's reports page calls too: it decides, audits and tells the reporter.
/// </summary>
internal sealed class ReportButtons(ReportService reports, ReportDecisions decisions, Labels labels, IBotTransport transport) : ICallbackHandler
{
    public string Prefix => ReportCallbacks.Prefix;

    public async Task<string?> HandleAsync(CommandContext context, string argument, CancellationToken cancellationToken)
    {
        if (!CallbackData.TryParse(Prefix, argument, out var data))
        {
            return null;
        }
        if (data.Verb == ReportCallbacks.Start)
        {
            await StartAsync(context, cancellationToken);
            return null;
        }
        if (ReportCallbacks.StateOf(data.Verb) is not { } state)
        {
            return null;
        }
        if (!context.IsAdmin)
        {
            return labels.Get(context.Language, "toast.admins_only");
        }
        var verdict = await decisions.DecideAsync(data.Id, state, context.User.Id, cancellationToken);
        if (verdict.Outcome is not ReportDecision.NotFound && context.Update is IncomingCallback callback)
        {
            await transport.EditButtonsAsync(context.ChatId, callback.MessageId, null, cancellationToken);
        }
        var toast = labels.Get(context.Language, verdict.Outcome switch
        {
            ReportDecision.Confirmed => "toast.report_confirmed",
            ReportDecision.NotFraud => "toast.report_not_fraud",
            ReportDecision.Closed => "toast.report_closed",
            ReportDecision.AlreadyDecided => "toast.report_already_decided",
            _ => "toast.report_not_found",
        });
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, toast, verdict.Added.Count);
    }

    private async Task StartAsync(CommandContext context, CancellationToken ct)
    {
        if (await reports.StartAsync(context.ChatId, context.User.Id, ct) == ReportOutcome.RateLimited)
        {
            await ReportFiler.RateLimitedAsync(context, ct);
            return;
        }
        await context.ReplyAsync("report-prompt", new { Minutes = (int)ReportService.AwaitFor.TotalMinutes }, ct: ct);
    }
}
