namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>What <see cref="WorkspaceImageBuilder.EnsureImageAsync"/> builds: a workspace's Dockerfile with the workspace as context.</summary>
internal sealed record WorkspaceImageRequest
{
    public required string WorkspaceRoot { get; init; }

    /// <summary>Workspace name; any case and characters (it is sanitised for the tag).</summary>
    public required string WorkspaceName { get; init; }

    /// <summary>Dockerfile path relative to <see cref="WorkspaceRoot"/>.</summary>
    public string Dockerfile { get; init; } = "Dockerfile.poly";

    /// <summary>More rules that no .dockerignore exception can undo, e.g. the workspace's SSH private key file name.</summary>
    public IReadOnlyList<string> AdditionalExcludes { get; init; } = [];

    /// <summary>Receives the build output line by line.</summary>
    public Action<string>? OnBuildOutput { get; init; }
}
