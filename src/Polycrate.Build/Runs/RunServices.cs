using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution;

namespace Polycrate.Build.Runs;

/// <summary>
/// What a run talks to, as small interfaces so the plan → execute → record orchestration is unit-tested without
/// Docker or a registry: workspace loading, block installs, the engine (image + actions), the clock, and the recorders.
/// The terminal is <see cref="RunOptions.Confirm"/>.
/// </summary>
internal sealed record RunServices
{
    public required IWorkspaceSource Workspaces { get; init; }

    public required IBlockSource Blocks { get; init; }

    /// <summary>Creates the engine for one run (it owns the engine connection and is disposed after the run).</summary>
    public required Func<RunOptions, IRunObserver, IRunEngine> Engines { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Creates the recorders of one run, in the order they record; add one to write a new kind of record (metrics …).</summary>
    public required Func<List<IRunRecorder>> Recorders { get; init; }

    /// <summary>
    /// The real services: files, OCI registries, the Docker engine or the host, the system clock; run log, JUnit, then
    /// events and the git commit (after the log, so the commit includes it).
    /// </summary>
    public static RunServices Default(ILoggerFactory loggers, Func<string, string?>? getEnvironmentVariable = null)
    {
        var getVariable = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        return new RunServices
        {
            Workspaces = new LoaderWorkspaceSource(loggers, getVariable),
            Blocks = new RegistryBlockSource(loggers, getVariable),
            Engines = (options, observer) => new ToolchainRunEngine(options, observer, loggers, getVariable),
            Recorders = () => [new RunLogRecorder(loggers.CreateLogger<RunLogRecorder>()), new JUnitRecorder(), new IntegrationsRecorder(getVariable, loggers)],
        };
    }
}
