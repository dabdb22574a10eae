using Bot.Worker.Configuration;

namespace Bot.Worker.Chats;

/// <summary>How to address a chat the bot writes to first: its language and zone as stored, else the defaults.</summary>
internal sealed class RecipientDirectory(ChatStore chats, BotSettings settings)
{
    public async Task<Recipient> ForAsync(long chatId, CancellationToken ct) => For(chatId, await chats.FindAsync(chatId, ct));

    /// <summary>The recipient for a chat row already read (null: a chat the bot has never heard from).</summary>
    public Recipient For(long chatId, ChatRecord? chat)
    {
        var zone = chat?.QuietZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var z) ? z : settings.TimeZone;
        return new Recipient(chatId, chat?.UserId ?? chatId, chat?.FirstName ?? "", chat?.Username, chat?.Language ?? settings.DefaultLanguage, zone);
    }

    /// <summary>A display name for a user: first name if the bot knows it, else the id.</summary>
    public async Task<string> NameAsync(long userId, CancellationToken ct) =>
        (await chats.FindAsync(userId, ct))?.FirstName is { Length: > 0 } name ? name : userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
