using Bot.Worker.Audit;
using Bot.Worker.Templating;
using Bot.Worker.Templating.Kinds;

namespace Bot.Worker.Commands.Admin;

/// <summary>/preview NAME [LANG]: the live version rendered with the kind's sample data, exactly as a recipient sees it (a door to <see cref="TemplatePreview.Live"/>).</summary>
internal sealed class PreviewCommand(TemplateKinds kinds, TemplatePreview preview, AuditStore audit) : ICommandHandler
{
    public string Name => "preview";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var kind = TemplateArguments.Kind(kinds, context.Arguments);
        var language = TemplateArguments.Language(context.Arguments, 1, context.Language);
        var html = preview.Live(kind.Name, context.Recipient with { Language = language })!;
        await audit.WriteAsync(context.User.Id, "/preview", $"{kind.Name} {language}", allowed: true, cancellationToken);
        await context.SendAsync(html, kind.Name, cancellationToken);
    }
}
