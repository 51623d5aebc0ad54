using Cake.Core.IO;
using Polycrate.Build.CiExport;
using Polycrate.Build.Execution;

namespace Cake.Polycrate;

/// <summary>Settings of <see cref="PolycrateExportPipelineAliases.PolycrateExportPipeline"/>; the same options as <c>polycrate-build workflows export</c>.</summary>
public sealed class PolycrateExportPipelineSettings
{
    /// <summary>The workflow whose steps become jobs (required).</summary>
    public string Workflow { get; set; } = string.Empty;

    /// <summary>The pipeline written: GitLab CI (default) or GitHub Actions.</summary>
    public CiFormat Format { get; set; } = CiFormat.GitLabCi;

    /// <summary>Where to write the pipeline; null = only return its text.</summary>
    public FilePath? OutputFile { get; set; }

    /// <summary>The directory holding workspace.poly; default: the working directory of the Cake run.</summary>
    public DirectoryPath? WorkspaceDirectory { get; set; }

    /// <summary>The repository root CI jobs start in; paths in the pipeline are relative to it. Default: the working directory.</summary>
    public DirectoryPath? ProjectRoot { get; set; }

    /// <summary>Glob of workspace directories relative to <see cref="ProjectRoot"/> (e.g. <c>clusters/*</c>): one branch of jobs each.</summary>
    public string? Workspaces { get; set; }

    /// <summary>What jobs call instead of <c>dotnet tool run polycrate-build</c> (which runs after <c>dotnet tool restore</c>).</summary>
    public string? Command { get; set; }

    /// <summary>A toolchain image the jobs run in; jobs then use the host runtime.</summary>
    public string? Image { get; set; }

    /// <summary>The runtime jobs pass to <c>workflows run</c>; null = host with <see cref="Image"/>, else container.</summary>
    public RuntimeKind? JobRuntime { get; set; }

    /// <summary>Jobs pass <c>--force</c> (confirm the actions' prompts).</summary>
    public bool Force { get; set; }

    /// <summary>GitHub Actions runner label.</summary>
    public string RunsOn { get; set; } = "ubuntu-latest";

    /// <summary>Treat workspace warnings as errors.</summary>
    public bool Strict { get; set; }
}
