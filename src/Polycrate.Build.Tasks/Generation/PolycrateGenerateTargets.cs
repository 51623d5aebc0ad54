using Microsoft.Build.Framework;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks.Generation;

/// <summary>
/// Loads the workspace and writes the generated targets file that Sdk.targets imports (one target per workflow,
/// step and action). Runs on Restore, which <c>dotnet build</c> runs before every build, so a fresh checkout and
/// every edit of workspace.poly or a block.poly are picked up. The file is only rewritten when its content
/// changes; a load error deletes it, so a broken workspace never leaves stale targets behind.
/// </summary>
public sealed class PolycrateGenerateTargets : PolycrateTask
{
    /// <summary>The generated .targets file (absolute, or relative to the project), usually under obj/.</summary>
    [Required]
    public string OutputFile { get; set; } = string.Empty;

    /// <summary>True when the file was (re)written.</summary>
    [Output]
    public bool Changed { get; set; }

    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        try
        {
            var list = (await CreateEngine(loggers, reporter).FrontEndTargetsAsync(WorkspaceRequest, WorkspaceTargetsWriter.ReservedNames, cancellationToken)).Value;
            var (workspace, targets, problems) = (list.Workspace, list.Targets, list.Problems);
            foreach (var problem in problems)
            {
                reporter.Report(problem);
            }

            if (problems.Count > 0)
            {
                Delete();
                return;
            }

            var content = WorkspaceTargetsWriter.Render(workspace, targets).ToString() + Environment.NewLine;
            Changed = await WriteIfChangedAsync(content, cancellationToken);
            Log.LogMessage(MessageImportance.Low, "Polycrate targets for workspace '{0}': {1}", workspace.Name,
                string.Join(", ", targets.Select(t => t.Name)));
        }
        catch
        {
            Delete();
            throw;
        }
    }

    /// <summary>
    /// Restore is a build of its own before the build <c>dotnet build</c> runs, so its warnings would show twice: it only
    /// notes them, and the build's targets report them as warnings (PolycrateValidate, every run, image and block task).
    /// Errors (strict mode included) are still reported here: they stop the build before it starts.
    /// </summary>
    private protected override void ReportLoadWarning(Diagnostic warning, DiagnosticReporter reporter) =>
        Log.LogMessage(MessageImportance.Normal, "Polycrate: {0} (reported as a warning by the build)", warning);

    private async Task<bool> WriteIfChangedAsync(string content, CancellationToken cancellationToken)
    {
        if (File.Exists(OutputFile) && await File.ReadAllTextAsync(OutputFile, cancellationToken) == content)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputFile))!);
        await File.WriteAllTextAsync(OutputFile, content, cancellationToken);
        return true;
    }

    private void Delete()
    {
        if (File.Exists(OutputFile))
        {
            File.Delete(OutputFile);
        }
    }
}
