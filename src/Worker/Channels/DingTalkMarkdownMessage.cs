namespace Bot.Worker.Channels;

/// <summary>A DingTalk <c>markdown</c> message: <paramref name="Title"/> shows in the chat list and notification, <paramref name="Text"/> in the chat.</summary>
internal sealed record DingTalkMarkdownMessage(string Title, string Text);
