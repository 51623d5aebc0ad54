using System.CommandLine;
using Polycrate.Build.Execution;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// Prints the snapshot (Ansible extra vars, environment, mounts) an action would receive, masked for people to read:
/// <c>workspace snapshot BLOCK ACTION</c> and Polycrate's <c>run BLOCK ACTION --snapshot</c>. Nothing runs.
/// </summary>
internal static class SnapshotPrinter
{
    /// <summary>The engine loads the workspace (missing registry blocks allowed, so a blocked block gets its own clear error), applies the run's overrides; this prints.</summary>
    public static async Task<int> PrintAsync(CliContext cli, ParseResult parse, string blockName, string actionName, RunOptions? run,
        CancellationToken cancellationToken)
    {
        using var loggers = cli.CreateLoggerFactory(parse);
        var snapshot = await cli.CreateEngine(loggers).SnapshotAsync(cli.WorkspaceRequest(parse), blockName, actionName, run, cancellationToken);
        await cli.WriteDataAsync(parse, snapshot.Value);
        return 0;
    }
}
