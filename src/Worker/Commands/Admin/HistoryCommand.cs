using Bot.Worker.Audit;
using Bot.Worker.Common;
using Bot.Worker.Storage;
using Bot.Worker.Templating;
using Bot.Worker.Templating.Kinds;

namespace Bot.Worker.Commands.Admin;

/// <summary>/history NAME LANG: every version with author and time, the live one marked (a door to <see cref="TemplateOverview.HistoryAsync"/>).</summary>
internal sealed class HistoryCommand(TemplateKinds kinds, TemplateOverview overview, AuditStore audit) : ICommandHandler
{
    public string Name => "history";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var kind = TemplateArguments.Kind(kinds, context.Arguments);
        var language = TemplateArguments.Language(context.Arguments, 1, null);
        var zone = context.Recipient.TimeZone;
        var versions = (await overview.HistoryAsync(kind.Name, language, cancellationToken) ?? []).Select(v => new
        {
            v.Version,
            Author = v.AuthorId is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "shipped file",
            At = LocalTime.Text(UnixTime.FromMs(v.CreatedAt), zone),
            Note = v.Note ?? "",
            Live = v.IsLive,
        });
        await audit.WriteAsync(context.User.Id, "/history", $"{kind.Name} {language}", allowed: true, cancellationToken);
        await context.ReplyAsync("template-history", new { kind.Name, Language = language, Versions = versions }, ct: cancellationToken);
    }
}
