using Bot.Worker.Reports;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Reports;

/// <summary>
/// Report buttons (data <c>rp:VERB:ID</c>): <c>s</c> Report to us under /report (anyone); under an admin's
/// notice <c>c</c> Confirm number, <c>n</c> Not fraud, <c>x</c> Close (admins only; the buttons go once decided).
/// </summary>
internal sealed class ReportButtons(ReportService reports, ReportNotices notices, Labels labels, IBotTransport transport) : ICallbackHandler
{
    public const string PrefixName = "rp";

    public string Prefix => PrefixName;

    public static string Data(string verb, long id) => new CallbackData(PrefixName, verb, id).ToString();

    public async Task<string?> HandleAsync(CommandContext context, string argument, CancellationToken cancellationToken)
    {
        if (!CallbackData.TryParse(Prefix, argument, out var data))
        {
            return null;
        }
        if (data.Verb == "s")
        {
            await StartAsync(context, cancellationToken);
            return null;
        }
        var state = data.Verb switch
        {
            "c" => ReportState.Confirmed,
            "n" => ReportState.NotFraud,
            "x" => ReportState.Closed,
            _ => null,
        };
        if (state is null)
        {
            return null;
        }
        if (!context.IsAdmin)
        {
            return labels.Get(context.Language, "toast.admins_only");
        }
        var (outcome, report, added) = await reports.DecideAsync(data.Id, state, context.User.Id, cancellationToken);
        if (outcome is not ReportDecision.NotFound && context.Update is IncomingCallback callback)
        {
            await transport.EditButtonsAsync(context.ChatId, callback.MessageId, null, cancellationToken);
        }
        if (outcome is ReportDecision.Confirmed or ReportDecision.NotFraud or ReportDecision.Closed)
        {
            await notices.DecidedAsync(report!, outcome, added.Count, cancellationToken);
        }
        var toast = labels.Get(context.Language, outcome switch
        {
            ReportDecision.Confirmed => "toast.report_confirmed",
            ReportDecision.NotFraud => "toast.report_not_fraud",
            ReportDecision.Closed => "toast.report_closed",
            ReportDecision.AlreadyDecided => "toast.report_already_decided",
            _ => "toast.report_not_found",
        });
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, toast, added.Count);
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
