using Bot.Worker.Templating;
using Bot.Worker.Transport;

namespace Bot.Worker.Awareness;

/// <summary>Topics with their localized names and this chat's state, for templates and toggle buttons.</summary>
internal sealed class TopicView(Labels labels)
{
    public IReadOnlyList<object> Items(string language, IReadOnlySet<string> subscribed) =>
        Topics.All.Select(t => (object)new
        {
            Id = t,
            Name = Name(language, t),
            On = subscribed.Contains(t),
            Description = labels.Get(language, $"topic.{t}.description"),
        }).ToList();

    public string Name(string language, string topic) => labels.Get(language, "topic." + topic);

    public IReadOnlyList<string> Names(string language, IEnumerable<string> topics) => topics.Select(t => Name(language, t)).ToList();

    /// <summary>One button per topic: "✅ Tips" / "⬜ Tips", data "topic:tips".</summary>
    public IReadOnlyList<IReadOnlyList<InlineButton>> ToggleButtons(string language, IReadOnlySet<string> subscribed) =>
        Topics.All.Select(t => (IReadOnlyList<InlineButton>)
            [new InlineButton($"{(subscribed.Contains(t) ? "✅" : "⬜")} {Name(language, t)}", "topic:" + t)]).ToList();
}
