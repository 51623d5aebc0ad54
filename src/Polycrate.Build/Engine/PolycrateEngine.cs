using Microsoft.Extensions.Logging;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Cleanup;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Auth;
using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Runs;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Engine;

/// <summary>
/// The one entry point of the engine for every front end (CLI, MSBuild tasks, Cake addin): one method per use case,
/// options records in, results with their load warnings out. Warnings are also reported as they are found through the
/// <c>onWarning</c> callback, so the three front ends show the same ones at the same time. Failures throw the
/// <see cref="PolycrateException"/> family (code, exit code, location); hints are spelled for the CLI and rewritten by
/// the front end with <see cref="DiagnosticCatalog.ForFrontEnd"/>. docs/architecture.md shows where a new use case goes.
/// </summary>
public sealed partial class PolycrateEngine
{
    private readonly ILoggerFactory _loggers;
    private readonly Action<Diagnostic> _onWarning;
    private readonly Func<string, string?> _getVariable;
    private readonly RunServices _runServices;

    /// <param name="loggers">Engine logs (progress, debug timings) in the front end's logging.</param>
    /// <param name="onWarning">Each load warning (PCB1003 …) as it is found; errors are thrown instead.</param>
    /// <param name="getEnvironmentVariable">Environment lookup (DOCKER_HOST, POLYCRATE_*); the process environment by default.</param>
    public PolycrateEngine(ILoggerFactory loggers, Action<Diagnostic>? onWarning = null, Func<string, string?>? getEnvironmentVariable = null)
        : this(loggers, onWarning, getEnvironmentVariable, runServices: null)
    {
    }

    /// <param name="loggers">Engine logs.</param>
    /// <param name="onWarning">Each load warning as it is found.</param>
    /// <param name="getEnvironmentVariable">Environment lookup; the process environment by default.</param>
    /// <param name="runServices">What runs talk to; <see cref="RunServices.Default"/> unless a test replaces it.</param>
    internal PolycrateEngine(ILoggerFactory loggers, Action<Diagnostic>? onWarning, Func<string, string?>? getEnvironmentVariable, RunServices? runServices)
    {
        _loggers = loggers;
        _onWarning = onWarning ?? (_ => { });
        _getVariable = getEnvironmentVariable ?? Environment.GetEnvironmentVariable;
        _runServices = runServices ?? RunServices.Default(loggers, _getVariable);
    }

    /// <summary>
    /// Loads and validates a workspace; warnings are reported and returned, errors throw WorkspaceException (PCB1xxx).
    /// With <see cref="WorkspaceRequest.ReapLeftovers"/> it first removes what a killed command left (file system only).
    /// </summary>
    public async Task<LoadResult> LoadAsync(WorkspaceRequest request, CancellationToken cancellationToken)
    {
        var loaded = await new WorkspaceLoader(_loggers.CreateLogger<WorkspaceLoader>()).LoadAsync(request.Directory,
            new LoadOptions { Strict = request.Strict, AllowMissingBlocks = request.AllowMissingBlocks, GetEnvironmentVariable = _getVariable }, cancellationToken);
        foreach (var warning in loaded.Warnings)
        {
            _onWarning(warning);
        }

        if (request.ReapLeftovers)
        {
            await new OrphanReaper(_loggers.CreateLogger<OrphanReaper>()).ReapAsync(loaded.Workspace, docker: null, cancellationToken);
        }

        return loaded;
    }

    /// <summary>Runs an action or a workflow: plan (load, install, graph) → execute → record (run log, JUnit).</summary>
    /// <returns>The run's report; a failed run is a report with a non-zero exit code, not an exception.</returns>
    public Task<RunReport> RunAsync(RunRequest request, RunOptions options, IRunObserver observer, CancellationToken cancellationToken) =>
        new RunPipeline(_runServices, observer, _onWarning, _loggers).RunAsync(request, options, cancellationToken);

    /// <summary><c>run BLOCK ACTION</c>.</summary>
    public Task<RunReport> RunActionAsync(RunOptions options, string block, string action, IRunObserver observer, CancellationToken cancellationToken) =>
        RunAsync(RunRequest.ForAction(block, action), options, observer, cancellationToken);

    /// <summary><c>workflows run NAME [--step STEP]</c>.</summary>
    public Task<RunReport> RunWorkflowAsync(RunOptions options, string workflow, string? step, IRunObserver observer, CancellationToken cancellationToken) =>
        RunAsync(RunRequest.ForWorkflow(workflow, step), options, observer, cancellationToken);

    /// <summary>The image target alone: build Dockerfile.poly when its inputs changed, else make sure the image is there.</summary>
    public async Task<EngineResult<WorkspaceImageResult>> BuildImageAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(RequestOf(options), cancellationToken);
        using var docker = ToolchainRunEngine.CreateDockerClient(_loggers, _getVariable);
        var image = await WorkspaceImage.EnsureAsync(docker, loaded.Workspace, options, _getVariable, _loggers, cancellationToken);
        return new EngineResult<WorkspaceImageResult>(image, loaded.Warnings);
    }

    /// <summary>
    /// The target names (workflows, <c>workflow__step</c>, <c>block_action</c>) of a workspace that does not load, as far
    /// as workspace.poly and the block.poly files parse: the MSBuild SDK defines them on a checkout whose workspace never
    /// loaded, so <c>dotnet build -t:NAME</c> reports the load errors at their lines instead of MSB4057. Best effort: never
    /// throws for the files' content; names it cannot read are missing.
    /// </summary>
    public IReadOnlyList<string> UnloadedTargetNames(WorkspaceRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Engine.UnloadedTargetNames.Scan(Path.GetFullPath(request.Directory));
    }

    /// <summary>The workspace's targets as MSBuild targets / Cake tasks, with the naming problems (PCB6002/PCB6003) found.</summary>
    public async Task<EngineResult<FrontEndTargetList>> FrontEndTargetsAsync(WorkspaceRequest request, IReadOnlySet<string> reservedNames,
        CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(request, cancellationToken);
        var targets = FrontEndTargets.From(TargetGraphBuilder.Build(loaded.Workspace));
        return new EngineResult<FrontEndTargetList>(new FrontEndTargetList(loaded.Workspace, targets, FrontEndTargets.Validate(targets, reservedNames)), loaded.Warnings);
    }

    /// <summary>Installs registry blocks (or every missing <c>from:</c> block) and pins them in blocks.lock.</summary>
    public async Task<EngineResult<IReadOnlyList<BlockInstallResult>>> PullBlocksAsync(WorkspaceRequest workspace, BlockPullRequest request,
        CancellationToken cancellationToken)
    {
        using var client = RegistryClientFactory.Create(new RegistryAuthOptions(_getVariable), request.InsecureRegistries, _loggers);
        var warnings = new List<Diagnostic>();
        async Task<Workspace> Load(CancellationToken token)
        {
            var loaded = await LoadAsync(workspace with { AllowMissingBlocks = true }, token);
            warnings.AddRange(loaded.Warnings.Where(w => !warnings.Contains(w)));
            return loaded.Workspace;
        }

        var references = request.References.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
        if (references.Count == 0)
        {
            var all = await new MissingBlockInstaller(client, _loggers).InstallAsync(Load, request.Update, cancellationToken);
            return new EngineResult<IReadOnlyList<BlockInstallResult>>(all, warnings);
        }

        var current = await Load(cancellationToken);
        var service = new WorkspaceBlockInstaller(client, _loggers.CreateLogger<WorkspaceBlockInstaller>());
        // Null: the workspace's default registry ($POLYCRATE_REGISTRY_URL, registry.url, Polycrate's default).
        var defaultRegistry = DefaultRegistry.Resolve(request.Registry, _ => null);
        var installed = new List<BlockInstallResult>();
        foreach (var reference in references)
        {
            installed.Add(await service.InstallAsync(current, new BlockInstallOptions(reference) { Update = request.Update, DefaultRegistry = defaultRegistry },
                cancellationToken));
        }

        return new EngineResult<IReadOnlyList<BlockInstallResult>>(installed, warnings);
    }

    /// <summary>
    /// Pushes one block of the workspace; <paramref name="select"/> picks it from the loaded workspace (null: nothing to
    /// push, e.g. an MSBuild item that is not publishable).
    /// </summary>
    public async Task<EngineResult<PushResult?>> PushBlockAsync(WorkspaceRequest workspace, IReadOnlyList<string> insecureRegistries,
        Func<Workspace, CancellationToken, Task<BlockPushOptions?>> select, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(workspace, cancellationToken);
        if (await select(loaded.Workspace, cancellationToken) is not { } options)
        {
            return new EngineResult<PushResult?>(null, loaded.Warnings);
        }

        using var client = RegistryClientFactory.Create(new RegistryAuthOptions(_getVariable), insecureRegistries, _loggers);
        var pushed = await new BlockPushService(client, _getVariable, _loggers.CreateLogger<BlockPushService>()).PushAsync(loaded.Workspace, options, cancellationToken);
        return new EngineResult<PushResult?>(pushed, loaded.Warnings);
    }

    /// <summary>Packs one block into an OCI image layout under <paramref name="outputDirectory"/> (what a push would upload).</summary>
    public async Task<EngineResult<BlockPackResult?>> PackBlockAsync(WorkspaceRequest workspace, string outputDirectory,
        Func<Workspace, CancellationToken, Task<BlockPushOptions?>> select, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(workspace, cancellationToken);
        if (await select(loaded.Workspace, cancellationToken) is not { } options)
        {
            return new EngineResult<BlockPackResult?>(null, loaded.Warnings);
        }

        var packed = await new BlockPackService(_getVariable).PackAsync(loaded.Workspace, options, outputDirectory, cancellationToken);
        return new EngineResult<BlockPackResult?>(packed, loaded.Warnings);
    }

    /// <summary>
    /// <c>workflows export</c>: the workflow as a GitLab CI / GitHub Actions pipeline (text), for the workspace or every
    /// workspace below the project root matching <paramref name="workspacesGlob"/>.
    /// </summary>
    /// <exception cref="CiExport.CiExportException">PCB2101–PCB2104.</exception>
    public async Task<EngineResult<string>> ExportPipelineAsync(WorkspaceRequest workspace, CiExport.CiExportOptions options, string? workspacesGlob,
        CancellationToken cancellationToken)
    {
        var warnings = new List<Diagnostic>();
        var text = await new CiExport.CiExporter(_loggers).ExportAsync(options, workspace.Directory, workspacesGlob, workspace.Strict,
            warning => { warnings.Add(warning); _onWarning(warning); }, cancellationToken);
        return new EngineResult<string>(text, warnings);
    }

    /// <summary><c>workspace encrypt</c>: every secret to its verified .age file (plaintext removed unless kept).</summary>
    public Task<EngineResult<SecretsResult>> EncryptSecretsAsync(WorkspaceRequest workspace, WorkspaceEncryptOptions options, CancellationToken cancellationToken) =>
        WithWorkspaceAsync(workspace, w => new WorkspaceEncryptor(_loggers.CreateLogger<WorkspaceEncryptor>()).EncryptAsync(w, options, cancellationToken),
            cancellationToken);

    /// <summary><c>workspace decrypt</c>: every .age file to its plaintext (0600); differing plaintext needs <paramref name="force"/>.</summary>
    public Task<EngineResult<SecretsResult>> DecryptSecretsAsync(WorkspaceRequest workspace, IdentitySource identity, bool force,
        CancellationToken cancellationToken) =>
        WithWorkspaceAsync(workspace, w => new WorkspaceDecryptor(_loggers.CreateLogger<WorkspaceDecryptor>()).DecryptAsync(w, identity, force, cancellationToken),
            cancellationToken);

    /// <summary><c>workspace rekey</c>: re-encrypt every secret to the recipients file (or the identity's own key).</summary>
    public Task<EngineResult<SecretsResult>> RekeySecretsAsync(WorkspaceRequest workspace, IdentitySource identity, string? recipientsFile,
        CancellationToken cancellationToken) =>
        WithWorkspaceAsync(workspace,
            w => new WorkspaceRekeyer(_loggers.CreateLogger<WorkspaceRekeyer>()).RekeyAsync(w, identity, recipientsFile, cancellationToken), cancellationToken);

    private async Task<EngineResult<T>> WithWorkspaceAsync<T>(WorkspaceRequest request, Func<Workspace, Task<T>> use, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(request, cancellationToken);
        return new EngineResult<T>(await use(loaded.Workspace), loaded.Warnings);
    }

    private static WorkspaceRequest RequestOf(RunOptions options) => new(options.WorkspaceDirectory) { Strict = options.Strict };
}
