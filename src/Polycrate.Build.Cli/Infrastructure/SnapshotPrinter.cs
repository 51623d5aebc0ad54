using System.CommandLine;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>
/// Prints the snapshot (Ansible extra vars, environment, mounts) an action would receive, masked for people to read:
/// <c>workspace snapshot BLOCK ACTION</c> and Polycrate's <c>run BLOCK ACTION --snapshot</c>. Nothing runs.
/// </summary>
internal static class SnapshotPrinter
{
    /// <summary>Loads the workspace (missing registry blocks allowed, so a blocked block gets its own clear error), applies the run's overrides and prints.</summary>
    public static async Task<int> PrintAsync(CliContext cli, ParseResult parse, string blockName, string actionName, RunOptions? run,
        CancellationToken cancellationToken)
    {
        var workspace = await cli.LoadWorkspaceAsync(parse, cancellationToken, allowMissingBlocks: true);
        if (run is not null)
        {
            workspace = RunOverrides.Apply(workspace, run);
        }

        var (block, action) = Lookup.Action(workspace, blockName, actionName);
        var context = new ActionContext
        {
            Workspace = workspace,
            Block = block,
            Action = action,
            TransactionId = "00000000-0000-0000-0000-000000000000",
            // --local / --runtime host: host paths, IN_CONTAINER=0, as the run itself would get.
            OnHost = run?.Runtime == RuntimeKind.Host,
        };
        // Nothing is written: the paths under the run directory only show where a run would put its files.
        var prepared = ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions
        {
            RunDirectory = Path.Combine(Path.GetTempPath(), "polycrate-build", context.TransactionId, "action"),
            MountDockerSocket = run?.MountDockerSocket ?? false,
        });
        var redactor = await SecretRedactor.ForRunAsync(workspace, block, action, null, cancellationToken);
        await cli.WriteDataAsync(parse, prepared.MaskedSnapshot(redactor.Redact));
        return 0;
    }
}
