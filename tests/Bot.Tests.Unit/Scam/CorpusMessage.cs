namespace Bot.Tests.Unit.Scam;

/// <summary>One labelled message of corpus.yaml.</summary>
public sealed class CorpusMessage
{
    public string Id { get; set; } = "";

    public string Label { get; set; } = "";

    public string Lang { get; set; } = "";

    public bool Hard { get; set; }

    /// <summary>The scam script this message is a variant of (held-out set, issue 21), or empty.</summary>
    public string Script { get; set; } = "";

    public string Text { get; set; } = "";

    public bool IsScam => Label == "scam";
}
