using Cake.Core.Diagnostics;
using Microsoft.Extensions.Logging;
using CakeLogLevel = Cake.Core.Diagnostics.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Cake.Polycrate.Internal;

/// <summary>Routes the engine's <see cref="ILogger"/> output into Cake's <see cref="ICakeLog"/>.</summary>
internal sealed class CakeLoggerFactory(ICakeLog log) : ILoggerFactory
{
    public ICakeLog Log { get; } = log;

    public ILogger CreateLogger(string categoryName) => new CakeLogger(Log);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("the Cake logger has a single destination: Cake's log");

    public void Dispose()
    {
    }

    private sealed class CakeLogger(ICakeLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && log.Verbosity >= VerbosityOf(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                // The message goes in as an argument: engine text may contain '{' and '}', which Cake would format.
                log.Write(VerbosityOf(logLevel), LevelOf(logLevel), "{0}", formatter(state, exception));
            }
        }

        private static Verbosity VerbosityOf(LogLevel level) => level switch
        {
            LogLevel.Critical or LogLevel.Error or LogLevel.Warning => Verbosity.Minimal,
            LogLevel.Information => Verbosity.Normal,
            LogLevel.Debug => Verbosity.Verbose,
            _ => Verbosity.Diagnostic,
        };

        private static CakeLogLevel LevelOf(LogLevel level) => level switch
        {
            LogLevel.Critical => CakeLogLevel.Fatal,
            LogLevel.Error => CakeLogLevel.Error,
            LogLevel.Warning => CakeLogLevel.Warning,
            LogLevel.Information => CakeLogLevel.Information,
            LogLevel.Debug => CakeLogLevel.Verbose,
            _ => CakeLogLevel.Debug,
        };
    }
}
