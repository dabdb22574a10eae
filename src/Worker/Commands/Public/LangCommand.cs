using Bot.Worker.Chats;
using Bot.Worker.Templating;

namespace Bot.Worker.Commands.Public;

/// <summary>/lang zh-Hans|zh-Hant|en: the language of every later message; the reply is already in it.</summary>
internal sealed class LangCommand(ChatStore chats, Labels labels) : ICommandHandler
{
    public string Name => "lang";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Arguments.Count == 0)
        {
            throw new UsageException(UsageProblem.MissingArguments);
        }
        var language = Languages.Parse(context.Arguments[0])
            ?? throw new UsageException(UsageProblem.BadArguments, context.Arguments[0]);
        await chats.SetLanguageAsync(context.ChatId, language, cancellationToken);
        context.Language = language;
        await context.ReplyAsync("language-set", new { LanguageName = labels.Get(language, "language." + language) }, ct: cancellationToken);
    }
}
