using Bot.Worker.Audit;
using Bot.Worker.Templating;
using Bot.Worker.Templating.Kinds;

namespace Bot.Worker.Commands.Admin;

/// <summary>
/// /template_set NAME LANG with the body on the following lines: saves a new live version if it
/// parses, uses only its variables, renders within the limits and is Telegram HTML; otherwise the
/// reply gives line and column and the live version stays.
/// </summary>
internal sealed class TemplateSetCommand(TemplateKinds kinds, TemplateEditor editor, TemplateCatalog catalog, AuditStore audit) : ICommandHandler
{
    public string Name => "template_set";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var newline = context.Args.IndexOf('\n', StringComparison.Ordinal);
        var head = (newline < 0 ? context.Args : context.Args[..newline]).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var kind = TemplateArguments.Kind(kinds, head);
        var language = TemplateArguments.Language(head, 1, null);
        var body = newline < 0 ? "" : context.Args[(newline + 1)..].TrimEnd();
        if (body.Trim().Length == 0)
        {
            throw new UsageException(UsageProblem.MissingArguments, "the new text goes on the lines after the command");
        }
        var (version, problem) = await editor.SaveAsync(kind.Name, language, body, context.User.Id, cancellationToken);
        if (problem is not null)
        {
            await audit.WriteAsync(context.User.Id, "/template_set", $"{kind.Name} {language} refused: {problem}", allowed: true, cancellationToken);
            await context.ReplyAsync("template-refused", new
            {
                kind.Name,
                Language = language,
                problem.Line,
                problem.Column,
                problem.Message,
                Live = catalog.Get(kind.Name, language).Version,
            }, ct: cancellationToken);
            return;
        }
        await audit.WriteAsync(context.User.Id, "/template_set", $"{kind.Name} {language} v{version}", allowed: true, cancellationToken);
        await context.ReplyAsync("template-saved", new { kind.Name, Language = language, Version = version }, ct: cancellationToken);
    }
}
