namespace Bot.Worker.Batches;

/// <summary>What a batch item is (<c>batch_items.kind</c>): a phone number, a QQ number or a WeChat id.</summary>
internal static class BatchItemKind
{
    public const string Phone = "phone", QQ = "qq", WeChat = "wechat";

    public static readonly IReadOnlyList<string> All = [Phone, QQ, WeChat];
}
