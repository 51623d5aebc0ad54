using Microsoft.Build.Framework;
using Polycrate.Build.CiExport;
using Polycrate.Build.Execution;
using Polycrate.Build.Tasks.Logging;

namespace Polycrate.Build.Tasks;

/// <summary>
/// Writes a workflow as a CI pipeline file (<c>polycrate-build workflows export</c>), e.g. for a GitLab child pipeline
/// generated in a CI job: one job per step, state as job artifacts, secrets from CI variables (docs/ci-pipelines.md).
/// </summary>
public sealed class PolycrateExportPipeline : PolycrateTask
{
    /// <summary>The workflow whose steps become jobs.</summary>
    [Required]
    public string Workflow { get; set; } = string.Empty;

    /// <summary><c>gitlab-ci</c> or <c>github-actions</c>.</summary>
    [Required]
    public string Format { get; set; } = CiFormatNames.GitLabCi;

    /// <summary>The pipeline file to write (its directory is created).</summary>
    [Required]
    public string OutputFile { get; set; } = string.Empty;

    /// <summary>The repository root CI jobs start in; paths in the pipeline are relative to it. Default: the workspace directory.</summary>
    public string? ProjectRoot { get; set; }

    /// <summary>What jobs call instead of <c>dotnet tool run polycrate-build</c> (which runs after <c>dotnet tool restore</c>).</summary>
    public string? Command { get; set; }

    /// <summary>A toolchain image the jobs run in; jobs then use the host runtime.</summary>
    public string? Image { get; set; }

    /// <summary><c>Host</c> or <c>Container</c>; empty = Host with an image, else Container.</summary>
    public string? Runtime { get; set; }

    /// <summary>Glob of workspace directories relative to <see cref="ProjectRoot"/> (e.g. <c>clusters/*</c>): one branch of jobs each.</summary>
    public string? Workspaces { get; set; }

    /// <summary>Jobs pass <c>--force</c> (confirm the actions' prompts).</summary>
    public bool Force { get; set; }

    /// <summary>GitHub Actions runner label.</summary>
    public string? RunsOn { get; set; }

    /// <summary>The file written (full path).</summary>
    [Output]
    public string? Written { get; set; }

    private protected override async System.Threading.Tasks.Task ExecuteAsync(TaskLoggerFactory loggers, DiagnosticReporter reporter, CancellationToken cancellationToken)
    {
        RuntimeKind? runtime = string.IsNullOrWhiteSpace(Runtime) ? null
            : Enum.TryParse<RuntimeKind>(Runtime, ignoreCase: true, out var parsed) ? parsed
            : throw new TaskParameterException($"PolycrateExportRuntime '{Runtime}' is neither Host nor Container");
        var options = new CiExportOptions
        {
            Workflow = Workflow,
            Format = CiFormatNames.Parse(Format),
            ProjectRoot = Path.GetFullPath(string.IsNullOrWhiteSpace(ProjectRoot) ? WorkspaceDirectory : ProjectRoot),
            Command = string.IsNullOrWhiteSpace(Command) ? null : Command,
            Image = string.IsNullOrWhiteSpace(Image) ? null : Image,
            Runtime = runtime,
            Force = Force,
            RunsOn = string.IsNullOrWhiteSpace(RunsOn) ? "ubuntu-latest" : RunsOn,
        };
        var text = (await CreateEngine(loggers, reporter).ExportPipelineAsync(WorkspaceRequest, options, string.IsNullOrWhiteSpace(Workspaces) ? null : Workspaces,
            cancellationToken)).Value;
        var path = Path.GetFullPath(OutputFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, text, cancellationToken);
        Written = path;
        Log.LogMessage(MessageImportance.High, "Polycrate: wrote the {0} pipeline of workflow {1} to {2}", CiFormatNames.Name(options.Format), Workflow, path);
    }
}
