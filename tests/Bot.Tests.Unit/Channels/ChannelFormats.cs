using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Worker.Channels;

namespace Bot.Tests.Unit.Channels;

/// <summary>Each converter's output as one reviewable text, the form the golden files keep.</summary>
internal static class ChannelFormats
{
    public static readonly string[] Names = ["wecom", "dingtalk", "feishu", "email-html", "email-text"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Extension(string format) => format switch
    {
        "feishu" => "json",
        "email-html" => "html",
        "email-text" => "txt",
        _ => "md",
    };

    public static string Convert(string format, string telegramHtml) => format switch
    {
        "wecom" => Parts(WeComMarkdown.Convert(telegramHtml)),
        "dingtalk" => Parts(DingTalkMarkdown.Convert(telegramHtml).Select(m => $"title: {m.Title}\n----\n{m.Text}")),
        "feishu" => new JsonArray([.. FeishuPost.Convert(telegramHtml).Select(m => (JsonNode)m.ToContent())]).ToJsonString(Indented) + "\n",
        "email-html" => EmailHtml.Convert(telegramHtml),
        "email-text" => $"Subject: {EmailText.Subject(telegramHtml)}\n\n{EmailText.Convert(telegramHtml)}",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static string Parts(IEnumerable<string> parts)
    {
        var list = parts.ToList();
        var sb = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            if (list.Count > 1)
            {
                sb.Append("==== part ").Append(i + 1).Append('/').Append(list.Count).Append(" ====\n");
            }
            sb.Append(list[i]).Append('\n');
        }
        return sb.ToString();
    }
}
