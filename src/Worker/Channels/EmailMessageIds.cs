using System.Security.Cryptography;
using System.Text;

namespace Bot.Worker.Channels;

/// <summary>
/// The Message-ID of an outbox row's e-mail: <c>&lt;{first 32 hex digits of SHA-256(row key)}@{the From address's domain}&gt;</c>.
/// Stable across retries (a repeat is recognizably the same message) and reveals nothing of the key.
/// </summary>
internal static class EmailMessageIds
{
    /// <summary>Without the angle brackets, as MimeKit's MessageId takes it.</summary>
    public static string For(string rowKey, string fromAddress)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rowKey)))[..32];
        var at = fromAddress.LastIndexOf('@');
        var domain = at >= 0 && at + 1 < fromAddress.Length ? fromAddress[(at + 1)..] : "localhost";
        return $"{hash}@{domain}";
    }
}
