using Bot.Worker.Configuration;
using Bot.Worker.Templating;

namespace Bot.Worker.Awareness;

/// <summary>
/// The values a broadcast template gets: the next tip for rotate: tips, else the topic (its name and the id /unsubscribe takes)
/// and campaign or alert id; an alert also gets its own text (empty when it has none), escaped on output like any value.
/// </summary>
internal sealed class BroadcastModels(TipLibrary library, TipModel tips, TopicView topics, BotSettings settings)
{
    public (Tip Tip, int Number, bool StartsOver) NextTip(IEnumerable<string> seen) => TipPicker.Next(library.Tips, seen);

    public object Tip(Tip tip, int number, string language) => tips.For(tip, number, language, settings.DefaultLanguage);

    public object For(Broadcast b, string language) => b.Kind == BroadcastKind.Alert
        ? new { Topic = topics.Name(language, b.Topic), TopicId = b.Topic, Broadcast = b.Id, Text = b.Text ?? "" }
        : new { Campaign = b.CampaignId ?? "", Topic = topics.Name(language, b.Topic) };

    /// <summary>A sample for previews: the first tip for a tip broadcast.</summary>
    public object Preview(Broadcast b, string language) =>
        b.Template == "awareness-tip" ? Tip(library.Tips[0], 1, language) : For(b, language);
}
