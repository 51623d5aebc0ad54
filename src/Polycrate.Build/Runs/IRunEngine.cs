using Polycrate.Build.Execution;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Runs;

/// <summary>
/// The part of a run that touches the container engine or the host: leftovers of killed runs, the toolchain image and
/// the actions. One per run (it owns the engine connection and the action runtime, disposed after the run); the
/// executor schedules, this does the work of one target.
/// </summary>
internal interface IRunEngine : IAsyncDisposable
{
    /// <summary>True when actions run on this machine (no image needed).</summary>
    bool OnHost { get; }

    /// <summary>Negotiates the engine connection while the workspace loads; failures are left to the image target to report.</summary>
    Task WarmUpAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Removes what killed runs left (containers, private run directories, mount points) before this run starts.</summary>
    Task ReapOrphansAsync(Workspace workspace, CancellationToken cancellationToken);

    /// <summary>Builds the workspace's Dockerfile when its inputs changed, else makes sure the image is there.</summary>
    Task<WorkspaceImageResult> EnsureImageAsync(Workspace workspace, RunOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// Set by <see cref="EnsureImageAsync"/> when it left the image check to the first container create (pull on 404):
    /// what the creates found. Null when the image target checked (or built) the image itself, or on the host.
    /// </summary>
    Execution.Docker.ImageAtCreate? ImageAtCreate => null;

    /// <summary>
    /// Told once before the first target runs: how many action targets (actions and workflow steps) the run may execute.
    /// A run of one has nothing to share between steps.
    /// </summary>
    void ActionsPlanned(int count)
    {
    }

    /// <summary>Runs one action target (prompt, secrets, snapshot, process) and returns its outcome.</summary>
    Task<TargetOutcome> RunActionAsync(Target target, ActionContext context, string runDirectory, OutputTail tail, CancellationToken cancellationToken);

    /// <summary>
    /// Releases what the action runtime keeps between steps (shared step containers, and with them Ansible's SSH control
    /// masters); called once all targets finished, before the run's private directory is removed.
    /// </summary>
    ValueTask EndActionsAsync() => ValueTask.CompletedTask;
}
