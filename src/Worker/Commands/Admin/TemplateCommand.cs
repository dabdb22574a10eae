using Bot.Worker.Audit;
using Bot.Worker.Templating;
using Bot.Worker.Templating.Kinds;

namespace Bot.Worker.Commands.Admin;

/// <summary>/template NAME [LANG]: the live source and the variables the template may use.</summary>
internal sealed class TemplateCommand(TemplateKinds kinds, TemplateStore store, MessageRenderer renderer, AuditStore audit) : ICommandHandler
{
    public string Name => "template";

    public CommandAccess Access => CommandAccess.Admin;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var kind = TemplateArguments.Kind(kinds, context.Arguments);
        var language = TemplateArguments.Language(context.Arguments, 1, context.Language);
        var live = (await store.HistoryAsync(kind.Name, language, cancellationToken)).FirstOrDefault(v => v.IsLive)
            ?? throw new UsageException(UsageProblem.BadArguments, $"{kind.Name} {language}");
        await audit.WriteAsync(context.User.Id, "/template", $"{kind.Name} {language}", allowed: true, cancellationToken);
        await context.ReplyAsync("template-source", new
        {
            kind.Name,
            Language = language,
            live.Version,
            live.Source,
            Variables = ModelPaths.Of(renderer.Model(TemplateValidator.SampleRecipient(language), kind.Samples[0])),
        }, ct: cancellationToken);
    }
}
