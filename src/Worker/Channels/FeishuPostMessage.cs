using System.Text.Json.Nodes;

namespace Bot.Worker.Channels;

/// <summary>
/// One Feishu <c>post</c> (rich text) message: a title and paragraphs, each a list of elements
/// (<c>{"tag":"text","text":...,"style":["bold"]}</c>, <c>{"tag":"a","text":...,"href":...}</c>).
/// </summary>
internal sealed record FeishuPostMessage(string Title, JsonArray Paragraphs)
{
    /// <summary>The locale key the post is filed under; Feishu shows it to every client when it is the only one.</summary>
    public const string Locale = "zh_cn";

    /// <summary>The request's <c>content</c>: <c>{"post":{"zh_cn":{"title":...,"content":[...]}}}</c>.</summary>
    public JsonObject ToContent() => new()
    {
        ["post"] = new JsonObject
        {
            [Locale] = new JsonObject
            {
                ["title"] = Title,
                ["content"] = Paragraphs.DeepClone(),
            },
        },
    };
}
