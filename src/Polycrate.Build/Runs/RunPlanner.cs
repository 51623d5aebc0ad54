using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Runs;

/// <summary>
/// Plan step of a run: load (reporting the same warnings as <c>workflows inspect</c>), install missing
/// <c>dependencies:</c> with <c>--blocks-auto-pull</c>, check the names, install the missing registry blocks the run needs (asked on a terminal, <c>--blocks-auto-pull</c>, or refused with PCB3053),
/// reload, and only then build the target graph once and confirm the workflow's prompt.
/// </summary>
internal sealed class RunPlanner(IWorkspaceSource workspaces, IBlockSource blocks, IRunObserver observer, Action<Diagnostic> warn, TimeProvider clock)
{
    public async Task<RunPlan> PlanAsync(RunRequest request, RunOptions options, CancellationToken cancellationToken)
    {
        var transactionId = Guid.NewGuid().ToString();
        var started = clock.GetLocalNow();
        var warnings = new List<Diagnostic>();
        var workspace = await LoadAsync(options, warnings, cancellationToken);
        if (options.BlocksAutoPull && workspace.Dependencies.Any(d => !d.Installed))
        {
            workspace = await blocks.InstallDependenciesAsync(ct => LoadAsync(options, warnings, ct), options, cancellationToken);
        }

        request.Validate(workspace);

        var installs = new List<TargetResult>();
        var attempted = new HashSet<string>(StringComparer.Ordinal);
        while (MissingFor(request, workspace).Where(attempted.Add).ToList() is { Count: > 0 } missing)
        {
            await ApproveAsync(workspace, missing, options, cancellationToken);
            foreach (var reference in missing)
            {
                var result = await InstallAsync(workspace, reference, options, cancellationToken);
                installs.Add(result);
                if (result.IsFailure)
                {
                    return new RunPlan(transactionId, started, workspace, null, request.Roots, warnings, installs);
                }
            }

            // An installed block may inherit from a registry block that is missing next; each reference is tried once.
            workspace = await LoadAsync(options, warnings, cancellationToken);
        }

        var prompt = request.Validate(workspace);
        var graph = request.BuildGraph(workspace);
        if (prompt is not null)
        {
            await ConfirmWorkflowAsync(prompt, options, cancellationToken);
        }

        return new RunPlan(transactionId, started, workspace, graph, request.Roots, warnings, installs);
    }

    /// <summary>Registry parents of the blocks this run starts that are not installed yet.</summary>
    private static List<string> MissingFor(RunRequest request, Workspace workspace) =>
        request.Blocks(workspace).Distinct(StringComparer.Ordinal)
            .Select(b => workspace.BlockedBy.TryGetValue(b, out var reference) ? reference : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    private async Task<Workspace> LoadAsync(RunOptions options, List<Diagnostic> warnings, CancellationToken cancellationToken)
    {
        var loaded = await workspaces.LoadAsync(options, cancellationToken);
        foreach (var warning in loaded.Warnings.Where(w => !warnings.Contains(w)))
        {
            warnings.Add(warning);
            warn(warning);
        }

        return loaded.Workspace;
    }

    private async Task<TargetResult> InstallAsync(Workspace workspace, string reference, RunOptions options, CancellationToken cancellationToken)
    {
        var target = new Target
        {
            Id = Target.InstallId(reference),
            Kind = TargetKind.BlockInstall,
            Reference = reference,
            Description = $"pull {reference}",
            Location = workspace.MissingBlocks.FirstOrDefault(m => m.Reference == reference)?.Location
                ?? workspace.Dependencies.FirstOrDefault(d => d.Reference == reference)?.Location,
        };
        observer.TargetStarted(target);
        var began = clock.GetTimestamp();
        TargetResult result;
        try
        {
            var installed = await blocks.InstallAsync(workspace, reference, options, cancellationToken);
            result = new TargetResult(target, TargetStatus.Succeeded, clock.GetElapsedTime(began), 0, installed);
        }
        catch (Exception ex) when (ex is PolycrateException or HttpRequestException or IOException)
        {
            result = new TargetResult(target, TargetStatus.Failed, clock.GetElapsedTime(began), (ex as PolycrateException)?.ExitCode ?? 1, ex.Message);
        }

        observer.TargetFinished(result);
        return result;
    }

    /// <summary>Missing blocks are installed with --blocks-auto-pull or when the user agrees on a terminal; otherwise the run is refused.</summary>
    private static async Task ApproveAsync(Workspace workspace, IReadOnlyList<string> missing, RunOptions options, CancellationToken cancellationToken)
    {
        if (options.BlocksAutoPull)
        {
            return;
        }

        var declined = new List<string>();
        foreach (var reference in missing)
        {
            if (options.Confirm is null || !await options.Confirm($"Install missing block {reference}?", cancellationToken))
            {
                declined.Add(reference);
            }
        }

        if (declined.Count == 0)
        {
            return;
        }

        var commands = string.Join("; ", declined.Select(r => $"polycrate-build blocks pull {r}"));
        var required = string.Join(", ", workspace.MissingBlocks.Where(m => declined.Contains(m.Reference)).Select(m => $"{m.Reference} (from: of '{m.RequiredBy}' at {m.Location})")
            .Concat(workspace.Dependencies.Where(d => declined.Contains(d.Reference) && workspace.MissingBlocks.All(m => m.Reference != d.Reference))
                .Select(d => $"{d.Reference} (dependencies: at {d.Location})")));
        throw new ActionException($"blocks this run needs are not installed: {required}", $"install them with 'polycrate-build workspace update' or: {commands}; or {DiagnosticCatalog.BlocksAutoPullHint.Cli}",
            DiagnosticCodes.BlocksMissing, exitCode: 2);
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
                DiagnosticCatalog.ForceHint.Cli, DiagnosticCodes.PromptRefused);
        }

        if (!await options.Confirm(message, cancellationToken))
        {
            throw new ActionException("the workflow was not confirmed", code: DiagnosticCodes.PromptDeclined);
        }
    }
}
