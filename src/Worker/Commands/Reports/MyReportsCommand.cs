using Bot.Worker.Common;
using Bot.Worker.Reports;
using Bot.Worker.Storage;

namespace Bot.Worker.Commands.Reports;

/// <summary>/myreports: this chat's reports and their state, newest first.</summary>
internal sealed class MyReportsCommand(ReportService reports) : ICommandHandler
{
    public const int Shown = 20;

    public string Name => "myreports";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (latest, total) = await reports.ListAsync(context.ChatId, Shown, cancellationToken);
        await context.ReplyAsync("myreports", new { Reports = Items(latest, context.Recipient.TimeZone), Total = total }, ct: cancellationToken);
    }

    /// <summary>The reports as /myreports and /mydata show them.</summary>
    public static List<object> Items(IEnumerable<Report> reports, TimeZoneInfo zone) =>
        reports.Select(r => (object)new
        {
            r.Id,
            r.State,
            Created = LocalTime.Text(UnixTime.FromMs(r.CreatedAt), zone),
            Excerpt = r.Text.Length <= 80 ? r.Text : r.Text[..80] + "…",
            Numbers = ReportEntities.Numbers(ReportEntities.Decode(r.Entities)).Select(e => e.Value).Distinct().ToList(),
        }).ToList();
}
