using Bot.Worker.Chats;
using Bot.Worker.Delivery;

namespace Bot.Worker.Deadlines;

/// <summary>
/// One recipient of a deadline message: where it goes (<see cref="Route"/>), who reads it (<see cref="To"/>: language,
/// time zone), the person it is for (null for a group chat or a robot), and for a Telegram member with an email the
/// address a held copy goes to if Telegram cannot deliver (<see cref="Fallback"/>). <see cref="Note"/> goes into the
/// evidence line (the robot, the address, why email instead of Telegram).
/// </summary>
internal sealed record Addressee(DeliveryRoute Route, Recipient To, long? PersonId, DeliveryRoute? Fallback = null, string? Note = null)
{
    public bool IsRobot => Route.Channel == DeliveryRoute.Robot;
}
