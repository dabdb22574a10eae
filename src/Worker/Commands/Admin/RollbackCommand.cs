using Bot.Worker.Templating;
using Bot.Worker.Templating.Kinds;

namespace Bot.Worker.Commands.Admin;

/// <summary>/rollback NAME LANG VERSION: a door to <see cref="TemplateEditing.RollbackAsync"/>.</summary>
internal sealed class RollbackCommand(TemplateKinds kinds, TemplateEditing editing) : ICommandHandler
{
    public string Name => "rollback";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var kind = TemplateArguments.Kind(kinds, context.Arguments);
        var language = TemplateArguments.Language(context.Arguments, 1, null);
        var version = TemplateArguments.Version(context.Arguments, 2);
        if (await editing.RollbackAsync(kind.Name, language, version, context.User.Id, cancellationToken) != TemplateEditOutcome.Done)
        {
            throw new UsageException(UsageProblem.BadArguments, "v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await context.ReplyAsync("template-rolled-back", new { kind.Name, Language = language, Version = version }, ct: cancellationToken);
    }
}
