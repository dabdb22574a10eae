using Bot.Worker.Delivery;

namespace Bot.Worker.Deadlines;

/// <summary>
/// A team member as deadlines.yaml writes a mapping (<c>{telegram, email, name}</c>), or as the database knows them.
/// <see cref="PersonId"/> is the Telegram id, or for a member known only by email the id made from the address
/// (<see cref="DeliveryRoute.EmailId"/>): what evidence, snoozes and closing record as "who".
/// </summary>
internal sealed record TeamContact(long PersonId, long? Telegram, string? Email, string? Name)
{
    public static TeamContact Of(long? telegram, string? email, string? name) =>
        new(telegram ?? DeliveryRoute.EmailId(email ?? throw new ArgumentException("a member needs telegram or email", nameof(email))),
            telegram, email is null ? null : DeliveryRoute.NormalizeEmail(email), name);
}
