using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;

namespace Bot.Worker.Hosting;

/// <summary>
/// Removes secrets (the bot token, the configured secrets, the value of any <c>token=</c> query parameter such as a
/// /web sign-in link's, and the token of an ack link's <c>/ack/TOKEN</c> path) from every log event before any sink
/// sees it: message text, property values and exception text. Cheap when no secret is present.
/// </summary>
internal sealed partial class RedactingSink(ILogEventSink inner, IReadOnlyList<string> secrets) : ILogEventSink, IDisposable
{
    private const string QueryToken = "token=";
    private const string AckPath = "/ack/";

    private const string Mask = "***";
    private static readonly MessageTemplateParser Parser = new();

    public void Emit(LogEvent logEvent)
    {
        if (!Contains(logEvent))
        {
            inner.Emit(logEvent);
            return;
        }
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Redact(p.Value)));
        var exception = logEvent.Exception is { } ex ? new RedactedException(Redact(ex.ToString())) : null;
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, Parser.Parse(Redact(logEvent.MessageTemplate.Text)), properties));
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();

    private bool Contains(LogEvent e) =>
        Contains(e.MessageTemplate.Text)
        || (e.Exception is { } ex && Contains(ex.ToString()))
        || e.Properties.Values.Any(v => Contains(v.ToString()));

    private bool Contains(string text) =>
        text.Contains(QueryToken, StringComparison.OrdinalIgnoreCase) || text.Contains(AckPath, StringComparison.OrdinalIgnoreCase)
        || secrets.Any(s => text.Contains(s, StringComparison.Ordinal));

    private string Redact(string text) =>
        AckToken().Replace(TokenParameter().Replace(secrets.Aggregate(text, (t, s) => t.Replace(s, Mask, StringComparison.Ordinal)), Mask), Mask);

    // The value after "token=" in a URL's query (login links are requested as /login?token=...).
    [GeneratedRegex(@"(?<=[?&]token=)[^&\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenParameter();

    // The token of an ack link (/ack/TOKEN): whoever reads it could act as the person it was sent to.
    [GeneratedRegex(@"(?<=/ack/)[A-Za-z0-9_-]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AckToken();

    private LogEventPropertyValue Redact(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => new ScalarValue(Redact(s)),
        ScalarValue { Value: { } other } when Contains(other.ToString() ?? "") => new ScalarValue(Redact(other.ToString() ?? "")),
        SequenceValue seq => new SequenceValue(seq.Elements.Select(Redact)),
        StructureValue st => new StructureValue(st.Properties.Select(p => new LogEventProperty(p.Name, Redact(p.Value))), st.TypeTag),
        DictionaryValue d => new DictionaryValue(d.Elements.Select(kv => KeyValuePair.Create(kv.Key, Redact(kv.Value)))),
        _ => value,
    };

    /// <summary>Stands in for an exception whose text held a secret.</summary>
    private sealed class RedactedException(string text) : Exception("(redacted)")
    {
        public override string ToString() => text;
    }
}
