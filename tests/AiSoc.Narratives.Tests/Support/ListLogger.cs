using Microsoft.Extensions.Logging;

namespace AiSoc.Narratives.Tests.Support;

/// <summary>A logger that keeps every entry, so tests can check levels and messages.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public LogLevel MinimumLevel { get; init; } = LogLevel.Information;

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
