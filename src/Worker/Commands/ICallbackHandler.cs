namespace Bot.Worker.Commands;

/// <summary>Handles inline button presses whose callback data starts with <see cref="Prefix"/> and ':'.</summary>
internal interface ICallbackHandler
{
    string Prefix { get; }

    /// <summary>Does what the button says; returns the short toast to show, if any.</summary>
    Task<string?> HandleAsync(CommandContext context, string argument, CancellationToken cancellationToken);
}
