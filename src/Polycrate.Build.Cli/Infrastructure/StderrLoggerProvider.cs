using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// A synchronous logger to stderr: engine progress interleaves correctly with the action output the CLI
/// streams, and nothing is lost when the process exits (the console logger buffers on a background thread).
/// Debug lines carry the wall clock and the monotonic milliseconds since the command started logging, so the phases of
/// a run (<c>-v</c>) can be timed against each other (docs/execution.md, "Where a run's time goes").
/// </summary>
internal sealed class StderrLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _writer;
    private readonly long _started = Stopwatch.GetTimestamp();

    public StderrLoggerProvider(TextWriter writer)
    {
        _writer = writer;
    }

    public ILogger CreateLogger(string categoryName) => new StderrLogger(_writer, _started);

    public void Dispose()
    {
    }

    private sealed class StderrLogger : ILogger
    {
        private readonly TextWriter _writer;
        private readonly long _started;

        public StderrLogger(TextWriter writer, long started)
        {
            _writer = writer;
            _started = started;
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var prefix = logLevel switch
            {
                LogLevel.Warning => "warning: ",
                LogLevel.Error or LogLevel.Critical => "error: ",
                LogLevel.Debug or LogLevel.Trace => $"debug [{DateTime.Now:HH:mm:ss.fff} +{Stopwatch.GetElapsedTime(_started).TotalMilliseconds:F1} ms]: ",
                _ => string.Empty,
            };
            lock (_writer)
            {
                _writer.WriteLine(prefix + formatter(state, exception));
            }
        }
    }
}
