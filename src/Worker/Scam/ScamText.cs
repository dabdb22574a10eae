using System.Text;

namespace Bot.Worker.Scam;

/// <summary>What the rules see: at most 4,096 characters (a Telegram message), NFKC (full-width letters and digits become ASCII), Traditional folded.</summary>
internal static class ScamText
{
    public const int MaxLength = 4096;

    public static string Prepare(string text, TraditionalFold fold)
    {
        var cut = text.Length > MaxLength ? text[..MaxLength] : text;
        var normalized = cut.IsNormalized(NormalizationForm.FormKC) ? cut : cut.Normalize(NormalizationForm.FormKC);
        return fold.Apply(normalized);
    }
}
