using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Polycrate.Build.IntegrationTests.Integrations;

/// <summary>Collects the engine's log messages (level and formatted text) so tests can check warnings.</summary>
public sealed class CapturingLoggerFactory : ILoggerFactory, ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Messages { get; } = new();

    public string Warnings => string.Join("\n", Messages.Where(m => m.Level >= LogLevel.Warning).Select(m => m.Message));

    public string Text => string.Join("\n", Messages.Select(m => m.Message));

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Messages.Enqueue((logLevel, formatter(state, exception)));
    }
}
