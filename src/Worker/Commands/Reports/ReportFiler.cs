using Bot.Worker.Reports;

namespace Bot.Worker.Commands.Reports;

/// <summary>
/// The message after Report to us (or Send it to our team under a 👎): files it as that kind of report, thanks the reporter
/// (or refuses politely over the limit) and tells the admins.
/// </summary>
internal sealed class ReportFiler(ReportService reports, ReportNotices notices)
{
    public async Task FileAsync(CommandContext context, string text, ReportPrompt prompt, CancellationToken ct)
    {
        var (outcome, report) = await reports.FileAsync(context.ChatId, context.User.Id, text, prompt, ct);
        if (outcome != ReportOutcome.Filed || report is null)
        {
            await RateLimitedAsync(context, ct);
            return;
        }
        var found = ReportEntities.Decode(report.Entities).Count;
        await context.ReplyAsync("report-received", new { Outcome = "filed", report.Id, Found = found, Limit = ReportService.PerHour }, ct: ct);
        await notices.FiledAsync(report, ct);
    }

    public static Task RateLimitedAsync(CommandContext context, CancellationToken ct) =>
        context.ReplyAsync("report-received", new { Outcome = "rate_limited", Id = 0L, Found = 0, Limit = ReportService.PerHour }, ct: ct);
}
