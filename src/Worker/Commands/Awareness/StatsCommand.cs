using Bot.Worker.Awareness;
using Bot.Worker.Statistics;
using Bot.Worker.Templating;

namespace Bot.Worker.Commands.Awareness;

/// <summary>/stats: the statistics use case (<see cref="StatisticsService"/>) rendered as the <c>stats</c> template in the admin's language.</summary>
internal sealed class StatsCommand(StatisticsService statistics, TopicView topics, TimeWords words, Labels labels) : ICommandHandler
{
    public string Name => "stats";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var language = context.Language;
        var stats = await statistics.CurrentAsync(cancellationToken);
        await context.ReplyAsync("stats", new
        {
            Topics = stats.Topics.Select(t => new
            {
                t.Topic,
                Name = topics.Name(language, t.Topic),
                t.Total,
                Languages = t.Languages.Select(l => new { Language = l.Language ?? context.Recipient.Language, l.Count }),
            }),
            stats.Chats,
            stats.Day,
            stats.Week,
            ByChannel = stats.ByChannel.Select(c => new
            {
                c.Channel,
                Name = labels.Get(language, "web.channel." + c.Channel),
                c.Week.Sent,
                Queued = c.Week.Pending + c.Week.Deferred,
                Failed = c.Week.Blocked + c.Week.Failed + c.Week.Expired,
            }).ToList(),
            Broadcast = Broadcast(stats.Broadcast, language),
            Checks = new
            {
                Red = stats.Checks.Verdicts.GetValueOrDefault("red"),
                Orange = stats.Checks.Verdicts.GetValueOrDefault("orange"),
                Green = stats.Checks.Verdicts.GetValueOrDefault("green"),
                Total = stats.Checks.Verdicts.Values.Sum(),
                TopSigns = stats.Checks.TopSigns.Select(s => new { Id = s.SignId, s.Count }).ToList(),
                Votes = new
                {
                    Red = stats.Checks.VotesOf("red"),
                    Orange = stats.Checks.VotesOf("orange"),
                    Green = stats.Checks.VotesOf("green"),
                },
                SignVotes = stats.Checks.SignVotes.Select(s => new { Id = s.SignId, s.Checks, s.Up, s.Down }).ToList(),
            },
        }, ct: cancellationToken);
    }

    private object Broadcast(BroadcastProgress? b, string language) => b is null
        ? new { Present = false, Id = 0L, Kind = "", Name = "", Topic = "", State = "", Total = 0, Queued = 0, Sent = 0, Blocked = 0, Failed = 0, Deferred = 0, Eta = "", Stars = "" }
        : new
        {
            Present = true,
            b.Id,
            b.Kind,
            b.Name,
            Topic = topics.Name(language, b.Topic),
            b.State,
            b.Total,
            b.Queued,
            b.Sent,
            b.Blocked,
            b.Failed,
            b.Deferred,
            Eta = b.Eta is { } eta ? words.Format(eta, language) : "",
            b.Stars,
        };
}
