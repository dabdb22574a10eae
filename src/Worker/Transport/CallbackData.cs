using System.Globalization;

namespace Bot.Worker.Transport;

/// <summary>
/// The data of an inline button that acts on one record: <c>PREFIX:VERB:ID</c> (<c>dl:done:17</c>,
/// <c>bc:a:5</c>). Built and read only here; the prefix picks the handler.
/// </summary>
public readonly record struct CallbackData(string Prefix, string Verb, long Id)
{
    public override string ToString() => $"{Prefix}:{Verb}:{Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads "VERB:ID", what follows the prefix and its colon.</summary>
    public static bool TryParse(string prefix, string argument, out CallbackData data)
    {
        data = default;
        var colon = argument.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(argument.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        data = new CallbackData(prefix, argument[..colon], id);
        return true;
    }
}
