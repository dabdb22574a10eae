using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bot.Worker.Channels;

/// <summary>How robot request bodies are written: UTF-8 as is (Chinese is not \u-escaped, so sizes are what the apps count).</summary>
internal static class RobotJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
