using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Unit.Support;

/// <summary>A logger that keeps the formatted messages and the exceptions logged with them.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _messages = new();
    private readonly ConcurrentQueue<Exception> _exceptions = new();

    public IReadOnlyList<string> Messages => _messages.ToList();

    public IReadOnlyList<Exception> Exceptions => _exceptions.ToList();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _messages.Enqueue(formatter(state, exception));
        if (exception is not null)
        {
            _exceptions.Enqueue(exception);
        }
    }
}
