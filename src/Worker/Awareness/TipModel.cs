using Bot.Worker.Templating;

namespace Bot.Worker.Awareness;

/// <summary>The awareness-tip template's values for one tip in one language.</summary>
internal sealed class TipModel(Labels labels, TipLibrary library)
{
    public object For(Tip tip, int number, string language, string defaultLanguage)
    {
        var text = tip.Texts.GetValueOrDefault(language) ?? tip.Texts.GetValueOrDefault(defaultLanguage) ?? tip.Texts.Values.First();
        return new
        {
            Tip = new { tip.Id, text.Title, text.Body, Scam = labels.Get(language, "scam." + tip.Scam) },
            TipNumber = number,
            TipCount = library.Tips.Count,
        };
    }
}
