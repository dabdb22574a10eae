namespace Bot.Worker.Deadlines;

/// <summary>The <c>ack</c> an extension request template sees: the lead's Approve and Deny links (empty on Telegram, which has buttons).</summary>
internal sealed record DecisionLinks(string Approve, string Deny)
{
    public static readonly DecisionLinks None = new("", "");
}
