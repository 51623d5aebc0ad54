using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Git;
using Polycrate.Build.Model;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.Ssh;
using Polycrate.Build.WorkspaceBlocks;

namespace Polycrate.Build.Engine;

/// <summary>Use cases on a loaded workspace outside runs: snapshot, git sync, ssh, blocks uninstall.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Use cases are instance methods of the façade, whatever they need today.")]
public sealed partial class PolycrateEngine
{
    /// <summary>
    /// <c>workspace snapshot BLOCK ACTION</c> / <c>run BLOCK ACTION --snapshot</c>: the snapshot (Ansible extra vars, env,
    /// mounts) the action would receive, secrets masked for people to read (reference §9). Nothing runs or is written.
    /// Missing registry blocks are allowed, so a block that needs one gets its own error.
    /// </summary>
    /// <param name="workspace">The workspace (loaded with missing blocks allowed).</param>
    /// <param name="block">Block (instance) name.</param>
    /// <param name="action">Action name.</param>
    /// <param name="run">The run's options (<c>-e</c>/<c>-m</c>, <c>--runtime host</c>, docker socket); null: no overrides, in a container.</param>
    /// <param name="cancellationToken">Stops loading and secret decryption.</param>
    /// <exception cref="Diagnostics.NotFoundException">PCB2004 (exit code 2): no such block or action, with the closest names.</exception>
    public async Task<EngineResult<ConfigMap>> SnapshotAsync(WorkspaceRequest workspace, string block, string action, RunOptions? run,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(workspace with { AllowMissingBlocks = true }, cancellationToken);
        var model = run is null ? loaded.Workspace : RunOverrides.Apply(loaded.Workspace, run);
        var (found, foundAction) = Lookup.Action(model, block, action);
        var context = new ActionContext
        {
            Workspace = model,
            Block = found,
            Action = foundAction,
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
        var redactor = await SecretRedactor.ForRunAsync(model, found, foundAction, null, cancellationToken);
        return new EngineResult<ConfigMap>(prepared.MaskedSnapshot(redactor.Redact), loaded.Warnings);
    }

    /// <summary>
    /// <c>workspace pull</c> / <c>push</c> / <c>sync</c> on the git repository holding <paramref name="workspaceDirectory"/>
    /// (git CLI): pull, then push; the first failure stops. <paramref name="onStep"/> hears each step as it finishes.
    /// </summary>
    /// <exception cref="GitException">PCB7100–PCB7106: no git, not a repository, uncommitted changes, no upstream, conflict (aborted), push rejected.</exception>
    public async Task<IReadOnlyList<GitSyncStepResult>> SyncWorkspaceAsync(string workspaceDirectory, GitSyncSteps steps, Action<GitSyncStepResult>? onStep,
        CancellationToken cancellationToken)
    {
        var sync = await WorkspaceSync.OpenAsync(workspaceDirectory, cancellationToken);
        var done = new List<GitSyncStepResult>();
        foreach (var step in new[] { GitSyncSteps.Pull, GitSyncSteps.Push }.Where(s => steps.HasFlag(s)))
        {
            var message = step == GitSyncSteps.Pull ? await sync.PullAsync(cancellationToken) : await sync.PushAsync(cancellationToken);
            var result = new GitSyncStepResult(step, message);
            done.Add(result);
            onStep?.Invoke(result);
        }

        return done;
    }

    /// <summary><c>ssh list</c>: the hosts of the workspace inventory (or <paramref name="block"/>'s) after Ansible's variable precedence.</summary>
    /// <exception cref="SshException">PCB7402: no inventory (exit code 2).</exception>
    public async Task<EngineResult<IReadOnlyList<InventoryHost>>> SshHostsAsync(WorkspaceRequest workspace, string? block, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(workspace with { AllowMissingBlocks = true }, cancellationToken);
        var hosts = new SshShortcut(loaded.Workspace, _loggers.CreateLogger<SshShortcut>(), _getVariable).List(block);
        return new EngineResult<IReadOnlyList<InventoryHost>>(hosts, loaded.Warnings);
    }

    /// <summary>
    /// <c>ssh HOST [-- COMMAND…]</c>: the host's ssh with a 0600 copy of the workspace key, recorded in the run logs.
    /// </summary>
    /// <returns>ssh's exit code (the remote command's; 255: ssh could not connect).</returns>
    /// <exception cref="SshException">PCB7401 unknown host, PCB7402 no inventory (exit code 2), PCB7403 no ssh binary.</exception>
    public async Task<int> SshAsync(WorkspaceRequest workspace, SshSessionOptions session, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(workspace with { AllowMissingBlocks = true }, cancellationToken);
        return await new SshShortcut(loaded.Workspace, _loggers.CreateLogger<SshShortcut>(), _getVariable).ConnectAsync(session, cancellationToken);
    }

    /// <summary>
    /// <c>blocks uninstall NAME [--prune]</c>: removes a pulled block's directory and its blocks.lock pin; a block that was not
    /// pulled from a registry is refused (PCB2005, see the overload with <c>force</c>).
    /// </summary>
    /// <returns>The removed directories, relative to the workspace root, '/'-separated.</returns>
    /// <exception cref="Diagnostics.NotFoundException">PCB2004: no such block, or it has no directory of its own below the blocks root.</exception>
    public Task<EngineResult<IReadOnlyList<string>>> UninstallBlockAsync(WorkspaceRequest workspace, string name, bool prune, CancellationToken cancellationToken) =>
        UninstallBlockAsync(workspace, name, prune, force: false, cancellationToken);

    /// <summary>
    /// <c>blocks uninstall NAME [--prune] [--force]</c>: as the overload without <paramref name="force"/>; a block that was not
    /// pulled from a registry (no blocks.lock pin, not below <c>blocks/&lt;registry-host&gt;/</c>) is removed only with it.
    /// </summary>
    /// <returns>The removed directories, relative to the workspace root, '/'-separated.</returns>
    /// <exception cref="Diagnostics.NotFoundException">PCB2004: no such block, or it has no directory of its own below the blocks root.</exception>
    /// <exception cref="Diagnostics.PolycrateException">PCB2005: the block was not pulled and <paramref name="force"/> is false (nothing deleted).</exception>
    public async Task<EngineResult<IReadOnlyList<string>>> UninstallBlockAsync(WorkspaceRequest workspace, string name, bool prune, bool force,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(workspace with { AllowMissingBlocks = true }, cancellationToken);
        return new EngineResult<IReadOnlyList<string>>(await BlockUninstaller.UninstallAsync(loaded.Workspace, name, prune, force, cancellationToken),
            loaded.Warnings);
    }
}
