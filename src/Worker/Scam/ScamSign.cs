using System.Text.RegularExpressions;

namespace Bot.Worker.Scam;

/// <summary>
/// One rule of scam-signs.yaml: its patterns of all languages compiled into one regex (with a match
/// timeout), or a link detector; the tip it points to; its one-line explanation per language. A sign whose patterns
/// use a number placeholder (<see cref="NumberTags"/>) matches the copy of the text with the numbers tagged.
/// </summary>
internal sealed record ScamSign(
    string Id,
    string Family,
    int Weight,
    string Tip,
    Regex? Pattern,
    LinkDetector Detector,
    IReadOnlyDictionary<string, string> Explanation,
    bool SeesNumberTags = false);
