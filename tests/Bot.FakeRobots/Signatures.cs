using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.FakeRobots;

// The apps' own checks, written apart from the worker's signing code.
internal static class Signatures
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    // DingTalk: timestamp in ms; sign = Base64(HMAC-SHA256(key secret, data "timestamp\nsecret")).
    public static bool DingTalkValid(string? timestamp, string? sign, string secret, DateTimeOffset now) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
        && (now - DateTimeOffset.FromUnixTimeMilliseconds(ms)).Duration() <= Window
        && sign == Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes(secret)).ComputeHash(Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));

    // Feishu: timestamp in s; sign = Base64(HMAC-SHA256(key "timestamp\nsecret", data empty)).
    public static bool FeishuValid(string? timestamp, string? sign, string secret, DateTimeOffset now) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
        && (now - DateTimeOffset.FromUnixTimeSeconds(s)).Duration() <= Window
        && sign == Convert.ToBase64String(new HMACSHA256(Encoding.UTF8.GetBytes(timestamp + "\n" + secret)).ComputeHash(Array.Empty<byte>()));
}
