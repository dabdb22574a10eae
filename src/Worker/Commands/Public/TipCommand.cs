using Bot.Worker.Awareness;

namespace Bot.Worker.Commands.Public;

/// <summary>/tip: the next anti-fraud tip this chat has not seen.</summary>
internal sealed class TipCommand(TipRotation rotation, TipModel model) : ICommandHandler
{
    public string Name => "tip";

    public CommandAccess Access => CommandAccess.Anyone;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var (tip, number) = await rotation.NextAsync(context.ChatId, cancellationToken);
        await context.ReplyAsync("awareness-tip", model.For(tip, number, context.Language, context.Recipient.Language), ct: cancellationToken);
    }
}
