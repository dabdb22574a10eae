using System.Security.Cryptography;
using Bot.Worker.WebLogin;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Bot.Worker.Deadlines;

/// <summary>
/// The links robot and email messages carry instead of buttons: <c>{Web:PublicUrl}/ack/{token}</c>, the token an
/// <see cref="AckTicket"/> signed (and encrypted) with ASP.NET Core data protection, whose key ring every node reads
/// from the database. Without the web console (Web:Enabled=false) there are no links.
/// </summary>
internal sealed class AckLinks(IDataProtectionProvider? protection, ConsoleAddress address, TimeProvider clock)
{
    public const string Path = "/ack/";
    private const string Purpose = "Bot.Worker.Deadlines.AckLinks.v1";
    private readonly IDataProtector? _protector = protection?.CreateProtector(Purpose);

    public bool Enabled => _protector is not null && address.Enabled;

    /// <summary>Done, Snooze 1h and Need extension for the occurrence, bound to a person (or, via a robot, to the robot).</summary>
    public ReminderLinks Reminder(long occurrenceId, bool viaRobot, long subject) => Enabled
        ? new ReminderLinks(Url(AckAction.Done, occurrenceId, viaRobot, subject), Url(AckAction.Snooze, occurrenceId, viaRobot, subject), Url(AckAction.Extend, occurrenceId, viaRobot, subject))
        : ReminderLinks.None;

    /// <summary>Approve and Deny for the lead of an extension request.</summary>
    public DecisionLinks Decision(long requestId, long lead) => Enabled
        ? new DecisionLinks(Url(AckAction.Approve, requestId, false, lead), Url(AckAction.Deny, requestId, false, lead))
        : DecisionLinks.None;

    /// <summary>The ticket a token carries; null with <paramref name="problem"/> "altered" (not signed by this bot, or changed) or "expired".</summary>
    public AckTicket? Read(string? token, out string? problem)
    {
        problem = null;
        AckTicket? ticket = null;
        if (_protector is not null && token is { Length: > 0 and < 1000 })
        {
            try
            {
                ticket = AckTicket.From(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            }
            catch (Exception ex) when (ex is CryptographicException or FormatException)
            {
                ticket = null;
            }
        }
        if (ticket is null)
        {
            problem = "altered";
            return null;
        }
        if (clock.GetUtcNow() >= ticket.Expires)
        {
            problem = "expired";
            return null;
        }
        return ticket;
    }

    /// <summary>A token's fingerprint, for recording its uses (the token itself is not stored).</summary>
    public static string Fingerprint(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>A link for <paramref name="ticket"/> (tests make old and altered ones with it).</summary>
    public string Url(AckTicket ticket) =>
        $"{address.Root}{Path}{WebEncoders.Base64UrlEncode(_protector!.Protect(ticket.ToBytes()))}";

    private string Url(AckAction action, long target, bool viaRobot, long subject) =>
        Url(new AckTicket(action, target, viaRobot, subject, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
}
