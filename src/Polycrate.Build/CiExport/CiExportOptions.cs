using Polycrate.Build.Execution;

namespace Polycrate.Build.CiExport;

/// <summary>What <c>workflows export</c> produces; the same options for the CLI, the MSBuild task and the Cake alias.</summary>
public sealed record CiExportOptions
{
    /// <summary>The command jobs call by default; it needs <c>dotnet tool restore</c> first (a tool manifest in the repository).</summary>
    public const string DefaultCommand = "dotnet tool run polycrate-build";

    /// <summary>The workflow whose steps become jobs.</summary>
    public required string Workflow { get; init; }

    /// <summary>The pipeline file written: GitLab CI or GitHub Actions.</summary>
    public required CiFormat Format { get; init; }

    /// <summary>
    /// The CI project's root directory (the repository checkout a job starts in), absolute. Workspace directories,
    /// <c>-w</c> arguments and artifact paths in the pipeline are relative to it.
    /// </summary>
    public required string ProjectRoot { get; init; }

    /// <summary>What each job runs before <c>workflows run</c>; null = <see cref="DefaultCommand"/> after <c>dotnet tool restore</c>.</summary>
    public string? Command { get; init; }

    /// <summary>A toolchain image jobs run in (GitLab <c>image:</c>, GitHub <c>container:</c>); implies <see cref="RuntimeKind.Host"/>.</summary>
    public string? Image { get; init; }

    /// <summary>Where actions run inside a job; null = host with <see cref="Image"/>, else container (a runner with a Docker engine).</summary>
    public RuntimeKind? Runtime { get; init; }

    /// <summary>Jobs pass <c>--force</c>: prompts of the workflow's actions are confirmed (CI cannot answer them).</summary>
    public bool Force { get; init; }

    /// <summary>GitHub Actions <c>runs-on</c> label.</summary>
    public string RunsOn { get; init; } = "ubuntu-latest";

    /// <summary>The runtime jobs pass to <c>workflows run</c>.</summary>
    public RuntimeKind EffectiveRuntime => Runtime ?? (Image is null ? RuntimeKind.Container : RuntimeKind.Host);
}
