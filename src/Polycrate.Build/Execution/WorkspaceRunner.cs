using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Execution.Cleanup;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Auth;
using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Execution;

/// <summary>
/// The one entry point every front end uses to run something: it loads the workspace, derives the target graph,
/// runs the requested sub-graph on the scheduler (image, block installs, actions, workflow steps) and writes the
/// run log — for succeeded, failed and canceled runs alike.
/// </summary>
public sealed class WorkspaceRunner
{
    private readonly ILoggerFactory _loggers;
    private readonly IRunObserver _observer;
    private readonly Func<string, string?> _getVariable;
    private readonly ILogger _logger;

    public WorkspaceRunner(ILoggerFactory loggers, IRunObserver observer, Func<string, string?>? getEnvironmentVariable = null)
    {
        _loggers = loggers;
        _observer = observer;
        _getVariable = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        _logger = loggers.CreateLogger<WorkspaceRunner>();
    }

    public Task<RunReport> RunActionAsync(RunOptions options, string block, string action, CancellationToken cancellationToken) =>
        RunAsync(options,
            workspace => workspace.BlockedBy.ContainsKey(block) ? TargetGraphBuilder.BuildForBlockedAction(workspace, block, action) : null,
            graph => [Target.ActionId(block, action)],
            workspace =>
            {
                // A block waiting for its registry parent has no actions yet; its action is looked up once the parent is installed.
                if (!workspace.BlockedBy.ContainsKey(block))
                {
                    Lookup.Action(workspace, block, action);
                }

                return null;
            },
            cancellationToken);

    public Task<RunReport> RunWorkflowAsync(RunOptions options, string workflow, string? step, CancellationToken cancellationToken) =>
        RunAsync(options,
            workspace => step is null ? null : TargetGraphBuilder.BuildForSingleStep(workspace, workflow, step),
            graph => [step is null ? Target.WorkflowId(workflow) : Target.StepId(workflow, step)],
            workspace =>
            {
                var found = Lookup.Workflow(workspace, workflow);
                if (step is not null)
                {
                    Lookup.Step(found, step);
                }

                return step is null ? found.Prompt : null;
            },
            cancellationToken);

    public Task<RunReport> RunTargetsAsync(RunOptions options, IReadOnlyList<string> targetIds, CancellationToken cancellationToken) =>
        RunAsync(options, _ => null, _ => targetIds, _ => null, cancellationToken);

    /// <summary>The image target alone: build Dockerfile.poly when its inputs changed, else make sure the image is there.</summary>
    public async Task<WorkspaceImageResult> EnsureImageAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var workspace = (await LoadAsync(options, cancellationToken)).Workspace;
        using var docker = CreateDockerClient();
        return await EnsureImageAsync(workspace, options, docker, cancellationToken);
    }

    private async Task<RunReport> RunAsync(RunOptions options, Func<Workspace, TargetGraph?> customGraph, Func<TargetGraph, IReadOnlyList<string>> roots,
        Func<Workspace, string?> validate, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.Now;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var transactionId = Guid.NewGuid().ToString();
        using var docker = options.Runtime == RuntimeKind.Container ? CreateDockerClient() : null;
        if (docker is not null)
        {
            // The first engine request (connection set-up, API version negotiation) overlaps loading the workspace.
            _ = WarmUpAsync(docker, cancellationToken);
        }

        var workspace = (await LoadAsync(options, cancellationToken)).Workspace;
        if (options.BlocksAutoPull && workspace.Dependencies.Any(d => !d.Installed))
        {
            workspace = await DependencyAutoPull.InstallAsync(async ct => (await LoadAsync(options, ct)).Workspace, options, _getVariable, _loggers, cancellationToken);
        }

        _logger.LogDebug("Loaded the workspace in {Milliseconds} ms", clock.ElapsedMilliseconds);
        var workflowPrompt = validate(workspace);
        var graph = customGraph(workspace) ?? TargetGraphBuilder.Build(workspace);
        var rootIds = roots(graph);
        var closure = graph.Closure(rootIds);
        await CheckMissingBlocksAsync(workspace, closure, options, cancellationToken);
        if (workflowPrompt is not null)
        {
            await ConfirmWorkflowAsync(workflowPrompt, options, cancellationToken);
        }

        await new OrphanReaper(_loggers.CreateLogger<OrphanReaper>()).ReapAsync(workspace, docker, cancellationToken);
        var tails = new ConcurrentDictionary<string, OutputTail>(StringComparer.Ordinal);
        await using var integrations = await RunIntegrations.StartAsync(workspace, options, transactionId, [.. rootIds.Select(id => graph[id])], closure,
            id => tails.TryGetValue(id, out var t) && t.TotalLines > 0 ? t.ToString() : null, _getVariable, _loggers, cancellationToken);
        var runDirectory = RunDirectories.Create(RunRecord.ForRun(transactionId, workspace, options.Command ?? "polycrate-build", started));
        using var state = new RunState(workspace);
        IActionRuntime runtime = docker is null
            ? new HostActionRuntime()
            : new ContainerActionRuntime(new ContainerRunner(docker, _loggers.CreateLogger<ContainerRunner>()));
        var actions = new ActionRunner(runtime, _observer, options, IdentitySource.From(null, _getVariable), _loggers);

        async Task<TargetOutcome> Execute(Target target, CancellationToken token)
        {
            var tail = tails.GetOrAdd(target.Id, _ => new OutputTail());
            switch (target.Kind)
            {
                case TargetKind.Image:
                    if (docker is null)
                    {
                        return new TargetOutcome(true, UpToDate: true, Message: "runtime host: no image");
                    }

                    var image = await EnsureImageAsync(state.Workspace, options, docker, token);
                    state.Image = image.Tag;
                    return new TargetOutcome(true, UpToDate: !image.Built, Message: image.Tag);
                case TargetKind.BlockInstall:
                    return await InstallBlockAsync(target, state, options, token);
                case TargetKind.Action or TargetKind.Step:
                    var current = state.Workspace;
                    var (block, action) = Lookup.Action(current, target.Block!, target.Action!);
                    var workflow = target.Workflow is null ? null : current.FindWorkflow(target.Workflow);
                    var context = new ActionContext
                    {
                        Workspace = current,
                        Block = block,
                        Action = action,
                        Workflow = workflow,
                        Step = target.Step is null ? null : workflow?.FindStep(target.Step),
                        TransactionId = transactionId,
                        OnHost = docker is null,
                        Force = options.Force,
                        Image = state.Image,
                    };
                    return await actions.RunAsync(target, context, runDirectory, tail, token);
                default:
                    return TargetOutcome.Success;
            }
        }

        RunSummary summary;
        _logger.LogDebug("Run {Transaction} prepared after {Milliseconds} ms", transactionId, clock.ElapsedMilliseconds);
        try
        {
            _observer.RunPlanned(graph.Closure(rootIds));
            summary = await TargetScheduler.RunAsync(graph, rootIds, Execute,
                new SchedulerOptions { MaxParallel = options.MaxParallel, Started = _observer.TargetStarted, Finished = r => { _observer.TargetFinished(r); integrations.TargetFinished(r); } },
                cancellationToken);
        }
        finally
        {
            TryDelete(runDirectory);
        }

        _logger.LogDebug("Targets finished after {Milliseconds} ms", clock.ElapsedMilliseconds);
        var logPath = await WriteLogAsync(workspace, options, transactionId, started, summary, tails);
        if (options.JUnitPath is not null)
        {
            await Reporting.JUnitReportWriter.WriteAsync(options.JUnitPath, workspace.Name, summary, id => tails.TryGetValue(id, out var t) ? t.ToString() : null, CancellationToken.None);
        }

        await integrations.FinishAsync(summary, clock.Elapsed, CancellationToken.None);
        return new RunReport(transactionId, summary, logPath);
    }

    private async Task<LoadResult> LoadAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var loaded = await new WorkspaceLoader(_loggers.CreateLogger<WorkspaceLoader>())
            .LoadAsync(options.WorkspaceDirectory, new LoadOptions { Strict = options.Strict, AllowMissingBlocks = true, GetEnvironmentVariable = _getVariable },
                cancellationToken);
        return loaded with { Workspace = RunOverrides.Apply(loaded.Workspace, options) };
    }

    /// <summary>
    /// Negotiates the engine's API version ahead of the image target. A failure here is not reported: the image target
    /// asks again and reports it with the engine's own message.
    /// </summary>
    private static async Task WarmUpAsync(DockerClient docker, CancellationToken cancellationToken)
    {
        try
        {
            await docker.GetNegotiatedApiVersionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Diagnostics.PolycrateException or OperationCanceledException or ObjectDisposedException or HttpRequestException or IOException)
        {
        }
    }

    private DockerClient CreateDockerClient() =>
        new(DockerClientOptions.FromEnvironment(_getVariable), _loggers.CreateLogger<DockerClient>());

    private async Task<WorkspaceImageResult> EnsureImageAsync(Workspace workspace, RunOptions options, DockerClient docker, CancellationToken cancellationToken)
    {
        var dockerfile = options.Dockerfile ?? workspace.Settings.Dockerfile;
        if (File.Exists(Path.Combine(workspace.RootPath, dockerfile)))
        {
            var builder = new WorkspaceImageBuilder(docker, _loggers.CreateLogger<WorkspaceImageBuilder>());
            return await builder.EnsureImageAsync(new WorkspaceImageRequest
            {
                WorkspaceRoot = workspace.RootPath,
                WorkspaceName = workspace.Name,
                Dockerfile = dockerfile,
                // Logs and block artifacts (created before every action) change with runs; the SSH key must never end up in an image layer.
                AdditionalExcludes = [workspace.Settings.LogsRoot, workspace.Settings.SshPrivateKey, workspace.Settings.ArtifactsRoot + "/" + workspace.Settings.BlocksRoot],
                OnBuildOutput = line => _logger.LogInformation("{BuildOutput}", line),
            }, cancellationToken);
        }

        if (options.Dockerfile is not null)
        {
            throw new ActionException($"--dockerfile {options.Dockerfile}: no such file in {workspace.RootPath}", code: ActionException.DockerfileMissingCode, exitCode: 2);
        }

        var image = workspace.Settings.Image ?? options.DefaultImage;
        var pulled = await new ImagePuller(docker, _loggers.CreateLogger<ImagePuller>(), new RegistryAuthOptions(_getVariable)).EnsureImageAsync(image, options.Pull, cancellationToken);
        return new WorkspaceImageResult(image, Built: pulled, ContextHash: string.Empty, InputFiles: []);
    }

    /// <summary>
    /// Pulls a missing <c>from:</c> block, then reloads the workspace so the targets after it see the installed block.
    /// Installs run one at a time: they share blocks.lock and replace the run's workspace.
    /// </summary>
    private async Task<TargetOutcome> InstallBlockAsync(Target target, RunState state, RunOptions options, CancellationToken cancellationToken)
    {
        await state.Installs.WaitAsync(cancellationToken);
        try
        {
            using var client = RegistryClientFactory.Create(new RegistryAuthOptions(_getVariable), options.InsecureRegistries, _loggers);
            var installed = await new WorkspaceBlockInstaller(client, _loggers.CreateLogger<WorkspaceBlockInstaller>())
                .InstallAsync(state.Workspace, new BlockInstallOptions(target.Reference!), cancellationToken);
            state.Workspace = (await LoadAsync(options, cancellationToken)).Workspace;
            return new TargetOutcome(true, Message: $"{installed.Reference.RepositoryReference}:{installed.Reference.Tag}@{installed.Digest}");
        }
        finally
        {
            state.Installs.Release();
        }
    }

    /// <summary>Missing blocks are installed with --blocks-auto-pull or when the user agrees on a terminal; otherwise the run is refused.</summary>
    private static async Task CheckMissingBlocksAsync(Workspace workspace, IReadOnlyList<Target> closure, RunOptions options, CancellationToken cancellationToken)
    {
        var installs = closure.Where(t => t.Kind == TargetKind.BlockInstall).ToList();
        if (installs.Count == 0 || options.BlocksAutoPull)
        {
            return;
        }

        if (options.Confirm is not null)
        {
            var declined = new List<Target>();
            foreach (var install in installs)
            {
                if (!await options.Confirm($"Install missing block {install.Reference}?", cancellationToken))
                {
                    declined.Add(install);
                }
            }

            if (declined.Count == 0)
            {
                return;
            }

            installs = declined;
        }

        var commands = string.Join("; ", installs.Select(t => $"polycrate-build blocks pull {t.Reference}"));
        var required = string.Join(", ", workspace.MissingBlocks.Where(m => installs.Any(t => t.Reference == m.Reference)).Select(m => $"{m.Reference} (from: of '{m.RequiredBy}' at {m.Location})"));
        throw new ActionException($"blocks this run needs are not installed: {required}",
            $"install them with 'polycrate-build workspace update' or: {commands}; or pass --blocks-auto-pull",
            ActionException.BlocksMissingCode, exitCode: 2);
    }

    private static async Task ConfirmWorkflowAsync(string message, RunOptions options, CancellationToken cancellationToken)
    {
        if (options.Force)
        {
            return;
        }

        if (options.Confirm is null)
        {
            throw new ActionException($"the workflow asks for confirmation (\"{message}\") and there is no terminal to ask on",
                "pass --force to confirm in non-interactive runs", ActionException.PromptRefusedCode);
        }

        if (!await options.Confirm(message, cancellationToken))
        {
            throw new ActionException("the workflow was not confirmed", code: ActionException.PromptDeclinedCode);
        }
    }

    private async Task<string?> WriteLogAsync(Workspace workspace, RunOptions options, string transactionId, DateTimeOffset started, RunSummary summary,
        ConcurrentDictionary<string, OutputTail> tails)
    {
        var log = new RunLog
        {
            TransactionId = transactionId,
            Workspace = workspace.Name,
            Command = options.Command ?? "polycrate-build",
            User = Environment.UserName,
            Started = started,
            Finished = DateTimeOffset.Now,
            Status = summary.Canceled ? "canceled" : summary.Succeeded ? "succeeded" : "failed",
            ExitCode = summary.ExitCode,
            Version = ProductInfo.Version,
            Targets = summary.Results.Select(r => new RunLogTarget(r.Target.Id, r.Target.Kind, StatusName(r.Status), r.ExitCode, r.Duration.TotalSeconds, r.Message,
                tails.TryGetValue(r.Target.Id, out var tail) && tail.TotalLines > 0 ? tail.ToString() : null,
                r.Target.Block, r.Target.Action, r.Target.Workflow, r.Target.Step)).ToList(),
            Details = options.Ansible.IsEmpty ? ConfigMap.Empty : ConfigMap.Of(("ansible", options.Ansible.ToLogSection())),
        };

        try
        {
            // The log is written even when the run was canceled: it records that it was.
            return await new RunLogStore(workspace.RootPath, workspace.Settings.LogsRoot).WriteAsync(log, CancellationToken.None);
        }
        catch (IOException ex)
        {
            _logger.LogWarning("Could not write the run log: {Message}", ex.Message);
            return null;
        }
    }

    /// <summary>Same as <see cref="TargetStatusNames.Of"/>, kept for existing callers.</summary>
    public static string StatusName(TargetStatus status) => TargetStatusNames.Of(status);

    private void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException ex)
        {
            _logger.LogWarning("Could not remove the run directory {Directory}: {Message}", directory, ex.Message);
        }
    }

    /// <summary>What changes during a run: the workspace (reloaded after block installs) and the image to use.</summary>
    private sealed class RunState : IDisposable
    {
        public RunState(Workspace workspace)
        {
            Workspace = workspace;
        }

        /// <summary>Replaced as a whole after each install; targets read it once when they start.</summary>
        public Workspace Workspace { get; set; }

        public string? Image { get; set; }

        /// <summary>Serializes block installs (parallel steps may need different missing blocks at once).</summary>
        public SemaphoreSlim Installs { get; } = new(1, 1);

        public void Dispose() => Installs.Dispose();
    }
}
