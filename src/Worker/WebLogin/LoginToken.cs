using System.Buffers.Text;
using System.Security.Cryptography;

namespace Bot.Worker.WebLogin;

/// <summary>A /web link's secret: 256 random bits, URL-safe; only its SHA-256 is stored.</summary>
internal static class LoginToken
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    /// <summary>A token this code could have made (43 URL-safe characters); anything else is not looked up.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
