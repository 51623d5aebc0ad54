using Microsoft.Extensions.Logging;
using Polycrate.Build.Loading;

namespace Polycrate.Build.CiExport;

/// <summary>
/// <c>workflows export</c>: loads the workspace (or every workspace <c>--workspaces</c> matches), plans one job per step
/// and workspace, and writes the pipeline for the chosen CI system. Pure text out: nothing runs, nothing secret is read.
/// </summary>
internal sealed class CiExporter
{
    private readonly ILoggerFactory _loggers;

    public CiExporter(ILoggerFactory loggers)
    {
        _loggers = loggers;
    }

    /// <summary>
    /// The pipeline file's text. <paramref name="workspaceDirectory"/> is the single workspace (absolute) when
    /// <paramref name="workspacesGlob"/> is null; otherwise the glob (relative to <see cref="CiExportOptions.ProjectRoot"/>)
    /// selects the workspaces. Warnings of the loader are passed to <paramref name="onWarning"/>.
    /// </summary>
    /// <exception cref="CiExportException">PCB2101–PCB2104.</exception>
    /// <exception cref="Diagnostics.PolycrateException">a workspace does not load, or lacks the workflow (PCB2004).</exception>
    public async Task<string> ExportAsync(CiExportOptions options, string workspaceDirectory, string? workspacesGlob, bool strict,
        Action<Diagnostics.Diagnostic>? onWarning, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(options.ProjectRoot);
        var directories = workspacesGlob is null
            ? [Relative(root, Path.GetFullPath(workspaceDirectory))]
            : CiWorkspaceDiscovery.Find(root, workspacesGlob);
        var loader = new WorkspaceLoader(_loggers.CreateLogger<WorkspaceLoader>());
        var workspaces = new List<CiWorkspace>();
        foreach (var directory in directories)
        {
            var result = await loader.LoadAsync(Path.Combine(root, directory), new LoadOptions { Strict = strict, AllowMissingBlocks = true }, cancellationToken);
            foreach (var warning in result.Warnings)
            {
                onWarning?.Invoke(warning);
            }

            workspaces.Add(new CiWorkspace(result.Workspace, directory, workspacesGlob is null ? null : directory.Split('/')[^1]));
        }

        var jobs = CiPipelinePlanner.Plan(workspaces, options.Workflow);
        return options.Format == CiFormat.GitLabCi
            ? GitLabCiWriter.Write(jobs, workspaces, options)
            : GitHubActionsWriter.Write(jobs, workspaces, options);
    }

    private static string Relative(string root, string directory)
    {
        var relative = Path.GetRelativePath(root, directory).Replace(Path.DirectorySeparatorChar, '/');
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? throw new CiExportException(CiExportException.OutsideRootCode,
                $"the workspace {directory} is outside the CI project directory {root}; jobs start in the project checkout, so run the export from the repository root (or set the project root)")
            : relative;
    }
}
