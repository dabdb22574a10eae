using Bot.Worker.Scam;

namespace Bot.Worker.Commands.Scam;

/// <summary>Checks a text and replies with the verdict: the one place /check and free text share.</summary>
internal sealed class VerdictReply(ScamCheckService checks, VerdictModel model)
{
    public async Task SendAsync(CommandContext context, string text, CancellationToken ct)
    {
        var verdict = await checks.CheckAsync(text, ct);
        await context.ReplyAsync("check-verdict", model.For(verdict, context.Language), ct: ct);
    }
}
