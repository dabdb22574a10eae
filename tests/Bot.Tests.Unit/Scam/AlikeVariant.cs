namespace Bot.Tests.Unit.Scam;

/// <summary>One near-duplicate of alike.yaml: the id of the scam it copies, its language and its text.</summary>
public sealed class AlikeVariant
{
    public string Of { get; set; } = "";

    public string Lang { get; set; } = "";

    public string Text { get; set; } = "";
}
