namespace Bot.FakeTelegram;

// A message as the fake remembers it, to answer edits and build callback queries.
internal sealed record StoredMessage(
    long ChatId,
    int MessageId,
    bool FromBot,
    long Date,
    string Text,
    IReadOnlyList<TextEntity> Entities,
    string? InlineMarkupJson)
{
    public long? EditDate { get; init; }

    public bool SameContent(string text, IReadOnlyList<TextEntity> entities, string? inlineMarkupJson) =>
        Text == text && Entities.SequenceEqual(entities) && InlineMarkupJson == inlineMarkupJson;
}
