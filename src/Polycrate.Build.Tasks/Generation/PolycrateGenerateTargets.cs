using Microsoft.Build.Framework;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks.Generation;

/// <summary>
/// Loads the workspace and writes the generated targets file that Sdk.targets imports (one target per workflow,
/// step and action). Runs on Restore, which <c>dotnet build</c> runs before every build, so a fresh checkout and
/// every edit of workspace.poly or a block.poly are picked up. The file is only rewritten when its content
/// changes. When restoring (<see cref="DeferErrors"/>) a workspace that does not load or whose names cannot be targets
/// does not fail the restore — that would stop <c>dotnet build -t:PolycrateHelp</c> and every other target before it
/// starts: the task only notes the problem and leaves the last generated file, whose targets each load the workspace
/// again (after <c>PolycrateValidate</c>), so <c>dotnet build</c> reports the error at its line and nothing runs.
/// Called on its own (<c>-t:PolycrateGenerateTargets</c>, <c>-t:Restore</c> without <c>-restore</c>) it reports the
/// error and deletes the file. A checkout whose workspace never loaded has no last file: then <see cref="UnloadedTargetsFile"/>
/// gets a target for every name that can be read, each reporting the load errors (<see cref="UnloadedTargetsWriter"/>).
/// </summary>
public sealed class PolycrateGenerateTargets : PolycrateTask
{
    /// <summary>The generated .targets file (absolute, or relative to the project), usually under obj/.</summary>
    [Required]
    public string OutputFile { get; set; } = string.Empty;

    /// <summary>
    /// Where the targets of a workspace that never loaded go (Sdk.targets imports it only while <see cref="OutputFile"/> is
    /// missing); written when restoring a broken workspace without a last generated file, deleted once it loads.
    /// </summary>
    public string? UnloadedTargetsFile { get; set; }

    /// <summary>$(MSBuildIsRestoring): true notes a broken workspace instead of failing (the build that follows reports it).</summary>
    public string? DeferErrors { get; set; }

    /// <summary>True when the file was (re)written.</summary>
    [Output]
    public bool Changed { get; set; }

    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        var defer = string.Equals(DeferErrors?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            var list = (await CreateEngine(loggers, reporter).FrontEndTargetsAsync(WorkspaceRequest, WorkspaceTargetsWriter.ReservedNames, cancellationToken)).Value;
            var (workspace, targets, problems) = (list.Workspace, list.Targets, list.Problems);
            if (problems.Count > 0 && defer)
            {
                Note(string.Join("; ", problems.Select(p => p.ToString())));
                await WriteUnloadedAsync(loggers, reporter, cancellationToken);
                return;
            }

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
            Changed = await WriteIfChangedAsync(OutputFile, content, cancellationToken);
            Delete(UnloadedTargetsFile);
            Log.LogMessage(MessageImportance.Low, "Polycrate targets for workspace '{0}': {1}", workspace.Name,
                string.Join(", ", targets.Select(t => t.Name)));
        }
        catch (PolycrateException exception) when (defer && exception is not TaskParameterException)
        {
            // The workspace's state, not the build's: a wrong property value (PCB6005) still stops the restore.
            Note($"{exception.Code}: {exception.Message}");
            await WriteUnloadedAsync(loggers, reporter, cancellationToken);
        }
        catch
        {
            Delete();
            throw;
        }
    }

    private void Note(string problem) =>
        Log.LogMessage(MessageImportance.Normal,
            "Polycrate: the workspace targets were not regenerated ({0}); the build reports this at its line, and -t:PolycrateHelp works meanwhile",
            DiagnosticCatalog.ForFrontEnd(problem, FrontEnd.MSBuild));

    /// <summary>
    /// Restore is a build of its own before the build <c>dotnet build</c> runs, so its warnings would show twice: it only
    /// notes them, and the build's targets report them as warnings (PolycrateValidate, every run, image and block task).
    /// Errors (strict mode included) are still reported here: they stop the build before it starts.
    /// </summary>
    private protected override void ReportLoadWarning(Diagnostic warning, DiagnosticReporter reporter) =>
        Log.LogMessage(MessageImportance.Normal, "Polycrate: {0} (reported as a warning by the build)", warning);

    /// <summary>Only when there is no last generated file: its targets already report the load errors.</summary>
    private async Task WriteUnloadedAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        if (UnloadedTargetsFile is null || File.Exists(OutputFile))
        {
            return;
        }

        var names = CreateEngine(loggers, reporter).UnloadedTargetNames(WorkspaceRequest);
        await WriteIfChangedAsync(UnloadedTargetsFile, UnloadedTargetsWriter.Render(names).ToString() + Environment.NewLine, cancellationToken);
    }

    private static async Task<bool> WriteIfChangedAsync(string file, string content, CancellationToken cancellationToken)
    {
        if (File.Exists(file) && await File.ReadAllTextAsync(file, cancellationToken) == content)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllTextAsync(file, content, cancellationToken);
        return true;
    }

    private void Delete() => Delete(OutputFile);

    private static void Delete(string? file)
    {
        if (file is not null && File.Exists(file))
        {
            File.Delete(file);
        }
    }
}
