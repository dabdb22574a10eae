namespace Bot.Worker.Chats;

internal static class ChatStatus
{
    public const string Active = "active";
    public const string Blocked = "blocked";
    public const string Forgotten = "forgotten";
}
