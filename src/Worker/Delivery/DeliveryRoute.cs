using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Worker.Delivery;

/// <summary>
/// Where an outbox row goes: a Telegram chat, a group robot (its Channels:Robots name) or an email address. Gives the
/// row's <c>chat_id</c>, <c>channel</c> and <c>address</c> columns and the end of its idempotency key (<c>:CHAT</c>,
/// <c>:robot:NAME</c>, <c>:email:ADDRESS</c>), both directions side by side. A robot's or an address's chat id is made
/// from its name, at or above 2^60: Telegram's chat ids have at most 52 significant bits, so no Telegram chat has it,
/// and the dispatcher keeps one route's rows in order as it does a chat's. A member known only by email has that id
/// as their person id too.
/// </summary>
public sealed record DeliveryRoute(string Channel, long ChatId, string? Address)
{
    public const string Telegram = "telegram";
    public const string Robot = "robot";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> Channels = [Telegram, Robot, Email];

    private const long EmailBase = 1L << 60;
    private const long RobotBase = 1L << 61;
    private const long Span = 1L << 52;

    public static DeliveryRoute ToTelegram(long chatId) => new(Telegram, chatId, null);

    public static DeliveryRoute ToRobot(string name) => new(Robot, RobotId(name), name);

    /// <summary>An address (kept lower-case), and the recipient's name for the To header when known.</summary>
    public static DeliveryRoute ToEmail(string address, string? name = null)
    {
        var normalized = NormalizeEmail(address);
        return new(Email, EmailId(normalized), name is { Length: > 0 } ? $"{normalized} {name}" : normalized);
    }

    /// <summary>The chat id of the robot named <paramref name="name"/> (names are case-insensitive).</summary>
    public static long RobotId(string name) => RobotBase + Hash(name.ToLowerInvariant());

    /// <summary>The chat id of an email address, and the person id of a member known only by it.</summary>
    public static long EmailId(string address) => EmailBase + Hash(NormalizeEmail(address));

    /// <summary>True for an id no Telegram chat can have (a robot's or an address's).</summary>
    public static bool IsChannelId(long id) => id >= EmailBase;

    /// <summary>True for the id of a member known only by email.</summary>
    public static bool IsEmailId(long id) => id is >= EmailBase and < EmailBase + Span;

    public static string NormalizeEmail(string address) => address.Trim().ToLowerInvariant();

    public bool IsTelegram => Channel == Telegram;

    /// <summary>The email address alone (the address column holds it, then a space and the name).</summary>
    public string? EmailAddress => Channel == Email && Address is { } a ? a.Split(' ', 2)[0] : null;

    /// <summary>The recipient's name for an email's To header, if known.</summary>
    public string? EmailName => Channel == Email && Address is { } a && a.Split(' ', 2) is [_, var name] ? name : null;

    /// <summary>What the idempotency key ends with after the step's part and a colon.</summary>
    public string KeySuffix => Channel switch
    {
        Robot => Robot + ":" + Address,
        Email => Email + ":" + EmailAddress,
        _ => ChatId.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>How the route reads in the evidence and the console: the chat id, "robot NAME" or "email ADDRESS".</summary>
    public override string ToString() => Channel switch
    {
        Robot => "robot " + Address,
        Email => "email " + EmailAddress,
        _ => ChatId.ToString(CultureInfo.InvariantCulture),
    };

    private static long Hash(string text) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8)) & (Span - 1);
}
