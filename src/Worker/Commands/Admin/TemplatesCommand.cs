using Bot.Worker.Audit;
using Bot.Worker.Templating;

namespace Bot.Worker.Commands.Admin;

/// <summary>/templates: every template and language with its live version.</summary>
internal sealed class TemplatesCommand(TemplateCatalog catalog, AuditStore audit) : ICommandHandler
{
    public string Name => "templates";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var templates = catalog.Live
            .GroupBy(t => t.Key.Name)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new
            {
                Name = g.Key,
                Languages = g.OrderBy(t => t.Key.Language, StringComparer.Ordinal)
                    .Select(t => new { t.Key.Language, t.Version, Edited = !t.IsShipped }),
            });
        await audit.WriteAsync(context.User.Id, "/templates", null, allowed: true, cancellationToken);
        await context.ReplyAsync("template-list", new { Templates = templates }, ct: cancellationToken);
    }
}
