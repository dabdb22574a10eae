namespace Bot.Worker.Commands;

/// <summary>Handles one bot command (one class per command).</summary>
internal interface ICommandHandler
{
    /// <summary>The command without its slash, lower case: "subscribe".</summary>
    string Name { get; }

    CommandAccess Access { get; }

    Task HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
