using Microsoft.Build.Utilities;
using Microsoft.Extensions.Logging;

namespace Polycrate.Build.Tasks.Logging;

/// <summary>Routes the engine's <see cref="ILogger"/> output into the running task's MSBuild log.</summary>
internal sealed class TaskLoggerFactory(TaskLoggingHelper log) : ILoggerFactory
{
    // MSBuild's logging service is not documented as thread-safe; engine work runs on pool threads.
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new TaskLogger(this);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("the MSBuild task logger has a single destination: the task's log");

    public void Dispose()
    {
    }

    /// <summary>
    /// Engine errors are recoverable by design (a failed cleanup, a retried pull); a real failure arrives as an
    /// exception. So engine Error/Critical log entries become warnings and never fail the build on their own.
    /// </summary>
    public void Write(LogLevel level, string message)
    {
        lock (_gate)
        {
            switch (level)
            {
                case LogLevel.Critical or LogLevel.Error or LogLevel.Warning:
                    log.LogWarning(KnownStrings.Subcategory, null, null, null, 0, 0, 0, 0, "{0}", message);
                    break;
                case LogLevel.Information:
                    log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "{0}", message);
                    break;
                default:
                    log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "{0}", message);
                    break;
            }
        }
    }

    /// <summary>Writes on the MSBuild thread's behalf; used by the run observer for action output.</summary>
    public void Message(Microsoft.Build.Framework.MessageImportance importance, string message)
    {
        lock (_gate)
        {
            log.LogMessage(importance, "{0}", message);
        }
    }

    private sealed class TaskLogger(TaskLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, formatter(state, exception));
            }
        }
    }
}
