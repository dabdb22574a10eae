using Bot.Worker.Configuration;
using Bot.Worker.Delivery;
using Bot.Worker.Templating;

namespace Bot.Worker.Commands;

/// <summary>What a <see cref="CommandContext"/> replies with: the renderer, the outbox, the labels and the bot's settings (no logic here).</summary>
internal sealed record CommandServices(MessageRenderer Renderer, IOutbox Outbox, Labels Labels, BotSettings Settings);
