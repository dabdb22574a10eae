using Bot.Worker.Reports;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands.Public;

/// <summary>/report: how to report fraud (96110 and what to prepare), with a Report to us button that starts a report to the admins.</summary>
internal sealed class ReportCommand(Labels labels) : ICommandHandler
{
    public string Name => "report";

    public CommandAccess Access => CommandAccess.Anyone;

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
        context.ReplyAsync("report", buttons: [[new InlineButton(labels.Get(context.Language, "button.report_to_us"), ReportCallbacks.Data(ReportCallbacks.Start, 0))]], ct: cancellationToken);
}
