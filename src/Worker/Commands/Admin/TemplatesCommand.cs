using Bot.Worker.Audit;
using Bot.Worker.Templating;

namespace Bot.Worker.Commands.Admin;

/// <summary>/templates: every template and language with its live version (a door to <see cref="TemplateOverview.LiveAsync"/>).</summary>
internal sealed class TemplatesCommand(TemplateOverview overview, AuditStore audit) : ICommandHandler
{
    public string Name => "templates";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var templates = (await overview.LiveAsync(cancellationToken))
            .GroupBy(t => t.Name)
            .Select(g => new
            {
                Name = g.Key,
                Languages = g.Select(t => new { t.Language, t.Version, Edited = !t.IsShipped }),
            });
        await audit.WriteAsync(context.User.Id, "/templates", null, allowed: true, cancellationToken);
        await context.ReplyAsync("template-list", new { Templates = templates }, ct: cancellationToken);
    }
}
