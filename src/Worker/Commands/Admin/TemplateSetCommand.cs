using Bot.Worker.Templating;
using Bot.Worker.Templating.Kinds;

namespace Bot.Worker.Commands.Admin;

/// <summary>
/// /template_set NAME LANG with the body on the following lines: a door to <see cref="TemplateEditing.SaveAsync"/>.
/// A version that passes every check goes live; otherwise the reply gives line and column and the live version stays.
/// </summary>
internal sealed class TemplateSetCommand(TemplateKinds kinds, TemplateEditing editing) : ICommandHandler
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
        var result = await editing.SaveAsync(kind.Name, language, body, context.User.Id, cancellationToken);
        if (result.Problem is { } problem)
        {
            await context.ReplyAsync("template-refused", new
            {
                kind.Name,
                Language = language,
                problem.Line,
                problem.Column,
                problem.Message,
                Live = result.LiveVersion,
            }, ct: cancellationToken);
            return;
        }
        await context.ReplyAsync("template-saved", new { kind.Name, Language = language, result.Version }, ct: cancellationToken);
    }
}
