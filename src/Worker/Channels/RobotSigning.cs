using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Worker.Channels;

/// <summary>The robots' signatures, exactly as PRODUCT 4.9 gives them (DingTalk 加签, Feishu 签名校验).</summary>
internal static class RobotSigning
{
    /// <summary>DingTalk: Base64 of HMAC-SHA256 keyed by the secret, of "timestamp_ms\nsecret" (URL-encode it for the query).</summary>
    public static string DingTalk(long timestampMs, string secret) =>
        System.Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Invariant(timestampMs) + "\n" + secret)));

    /// <summary>Feishu: Base64 of HMAC-SHA256 keyed by "timestamp_s\nsecret", of an empty message.</summary>
    public static string Feishu(long timestampSeconds, string secret) =>
        System.Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Invariant(timestampSeconds) + "\n" + secret), Array.Empty<byte>()));

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
