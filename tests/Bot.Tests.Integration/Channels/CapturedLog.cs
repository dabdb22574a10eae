using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Integration.Channels;

/// <summary>A logger that keeps each line as it would be printed (level, message, exception text).</summary>
internal sealed class CapturedLog<T> : ILogger<T>
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines.Select(l => l.Line)];

    public IReadOnlyList<string> Errors => [.. _lines.Where(l => l.Level >= LogLevel.Error).Select(l => l.Line)];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue((logLevel, $"{logLevel} {formatter(state, exception)} {exception}"));
}
