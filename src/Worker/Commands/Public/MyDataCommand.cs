using Bot.Worker.Awareness;
using Bot.Worker.Commands.Reports;
using Bot.Worker.Common;
using Bot.Worker.Deadlines;
using Bot.Worker.Reports;
using Bot.Worker.Storage;

namespace Bot.Worker.Commands.Public;

/// <summary>/mydata: everything stored about this chat, its reports included.</summary>
internal sealed class MyDataCommand(SubscriptionStore subscriptions, TopicView topics, TeamStore teams, ReportService reports) : ICommandHandler
{
    public string Name => "mydata";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var chat = context.Chat;
        var zone = context.Recipient.TimeZone;
        var subscribed = await subscriptions.GetAsync(context.ChatId, cancellationToken);
        var consent = await subscriptions.ConsentLogAsync(context.ChatId, 10, cancellationToken);
        var teamNames = await teams.TeamNamesAsync(context.User.Id, cancellationToken);
        var (latestReports, reportCount) = await reports.ListAsync(context.ChatId, MyReportsCommand.Shown, cancellationToken);
        await context.ReplyAsync("mydata", new
        {
            Chat = new
            {
                Id = chat.ChatId,
                chat.Kind,
                Language = context.Language,
                chat.Status,
                Created = Local(chat.CreatedAt, zone),
                Quiet = chat.QuietStart is { } start && chat.QuietEnd is { } end
                    ? $"{QuietWindow.Format(start)}-{QuietWindow.Format(end)} {chat.QuietZone}"
                    : "",
            },
            Topics = topics.Items(context.Language, subscribed),
            Consent = consent.Select(c => new { At = Local(c.At, zone), Topic = topics.Name(context.Language, c.Topic), c.Action, c.Source }),
            Teams = teamNames,
            Reports = MyReportsCommand.Items(latestReports, zone),
            ReportCount = reportCount,
        }, ct: cancellationToken);
    }

    private static string Local(long ms, TimeZoneInfo zone) =>
        LocalTime.Text(UnixTime.FromMs(ms), zone);
}
