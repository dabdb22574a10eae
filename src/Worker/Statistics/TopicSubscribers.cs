namespace Bot.Worker.Statistics;

/// <summary>Active subscribers of one topic, in total and per chat language (null: the chat never chose one).</summary>
internal sealed record TopicSubscribers(string Topic, int Total, IReadOnlyList<(string? Language, int Count)> Languages);
