namespace Bot.Worker.Channels;

/// <summary>
/// One e-mail to send: the recipient, the rendered Telegram HTML (converted to both parts here) and the outbox row's
/// idempotency key, from which the Message-ID is made (the same row always gets the same Message-ID).
/// </summary>
internal sealed record EmailMessage(string To, string TelegramHtml, string RowKey, string? ToName = null);
