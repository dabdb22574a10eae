using Bot.Worker.Common;
using Bot.Worker.Delivery;
using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Commands;

/// <summary>Renders replies in the chat's language and puts them in the outbox at reply priority.</summary>
internal sealed class Replier(MessageRenderer renderer, IOutbox outbox, Labels labels, BotSettings settings)
{
    public BotSettings Settings => settings;

    /// <summary>Renders <paramref name="template"/> and queues it; a <paramref name="sensitive"/> reply's text is blanked once it is sent (or given up).</summary>
    public async Task ReplyAsync(CommandContext context, string template, object? values, IReadOnlyList<IReadOnlyList<InlineButton>>? buttons, bool sensitive, CancellationToken ct)
    {
        var html = renderer.Render(template, context.Recipient, values);
        await outbox.EnqueueAsync(new OutgoingMessage(context.NextReplyKey(), context.ChatId, html, MessagePriority.Reply, template, buttons, Sensitive: sensitive), ct);
    }

    /// <summary>Sends already rendered HTML as a reply (/preview).</summary>
    public Task SendAsync(CommandContext context, string html, string kind, CancellationToken ct) =>
        outbox.EnqueueAsync(new OutgoingMessage(context.NextReplyKey(), context.ChatId, html, MessagePriority.Reply, kind), ct);

    /// <summary>The localized usage hint for <paramref name="command"/> (or an unknown command).</summary>
    public Task UsageAsync(CommandContext context, string command, string problem, string detail, CancellationToken ct)
    {
        var known = problem != UsageProblem.UnknownCommand;
        return ReplyAsync(context, "usage", new
        {
            Command = known ? "/" + command : command,
            Syntax = known ? labels.Find(context.Language, "usage." + command) ?? "/" + command : "",
            Problem = problem,
            Detail = detail,
            Example = known ? labels.Find(context.Language, "example." + command) ?? "" : "",
        }, null, sensitive: false, ct);
    }
}
