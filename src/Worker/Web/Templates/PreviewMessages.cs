using System.Text;
using Bot.Worker.Delivery;
using Bot.Worker.Transport;

namespace Bot.Worker.Web.Templates;

/// <summary>
/// A rendered template as the chat shows it: the messages delivery will send (split by <see cref="MessageSplitter"/>
/// exactly as the outbox splits), each as safe display HTML, with a marker where one message ends and the next begins.
/// </summary>
internal static class PreviewMessages
{
    /// <param name="telegramHtml">The sandbox's output.</param>
    /// <param name="splitLabel">The marker's text before message N (2, 3, ...); escaped here.</param>
    public static (string Html, int Count) Build(string telegramHtml, Func<int, string> splitLabel)
    {
        var parts = MessageSplitter.Split(telegramHtml);
        var sb = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                sb.Append("<div class=\"tg-split\" data-part=\"").Append(i + 1).Append("\">")
                    .Append(TelegramHtml.Escape(splitLabel(i + 1))).Append("</div>");
            }
            sb.Append("<div class=\"tg-message\">").Append(TelegramHtmlDisplay.ToDisplay(parts[i])).Append("</div>");
        }
        return (sb.ToString(), parts.Count);
    }
}
