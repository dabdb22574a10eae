namespace Bot.Worker.Transport;

/// <summary>An inline keyboard button; <paramref name="Data"/> is the callback data (1-64 bytes).</summary>
public sealed record InlineButton(string Text, string Data);
