using Bot.Worker.Transport;

namespace Bot.Worker.Reports;

/// <summary>
/// The report buttons' data, both directions (<c>rp:VERB:ID</c>): <c>s</c> Report to us (id 0), and under an admin's
/// notice <c>c</c> Confirm number, <c>n</c> Not fraud, <c>x</c> Close, each the state it decides.
/// </summary>
internal static class ReportCallbacks
{
    public const string Prefix = "rp";
    public const string Start = "s", Confirm = "c", NotFraud = "n", Close = "x";

    public static string Data(string verb, long id) => new CallbackData(Prefix, verb, id).ToString();

    /// <summary>The state a decision verb moves the report to; null for Start or an unknown verb.</summary>
    public static string? StateOf(string verb) => verb switch
    {
        Confirm => ReportState.Confirmed,
        NotFraud => ReportState.NotFraud,
        Close => ReportState.Closed,
        _ => null,
    };
}
