namespace Bot.Worker.Telegram.Webhook;

/// <summary>An unhandled update from the inbox: Telegram's JSON as the webhook received it.</summary>
internal sealed record InboxUpdate(long UpdateId, string Payload);
