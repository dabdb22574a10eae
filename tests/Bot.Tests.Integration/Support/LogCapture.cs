using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace Bot.Tests.Integration.Support;

/// <summary>Every log event the worker wrote (after redaction), as rendered text.</summary>
internal sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToList();

    public IEnumerable<string> Lines => _events.Select(e => $"{e.Level} {e.RenderMessage(CultureInfo.InvariantCulture)} {e.Exception}");

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
}
