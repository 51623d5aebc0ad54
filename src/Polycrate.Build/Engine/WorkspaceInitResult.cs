namespace Polycrate.Build.Engine;

/// <summary>
/// What <c>workspace init</c> created, or why it refused (then nothing was written: a usage error, exit code 2 in the CLI).
/// </summary>
/// <param name="WorkspaceFile">Absolute path of workspace.poly.</param>
/// <param name="SshKeyFile">Absolute path of the private SSH key when one was created (the public key is this + ".pub").</param>
/// <param name="Problem">Null when the workspace was created.</param>
public sealed record WorkspaceInitResult(string WorkspaceFile, string? SshKeyFile, WorkspaceInitProblem? Problem);

/// <summary>An input <c>workspace init</c> refuses: which one, its value and the rule it breaks.</summary>
public sealed record WorkspaceInitProblem(WorkspaceInitInput Input, string Value, string Rule);

/// <summary>The input a <see cref="WorkspaceInitProblem"/> is about.</summary>
public enum WorkspaceInitInput
{
    /// <summary>workspace.poly exists already (<see cref="WorkspaceInitProblem.Value"/> is its path).</summary>
    WorkspaceFile,

    /// <summary><see cref="WorkspaceInitOptions.Name"/> (or the name derived from the directory).</summary>
    Name,

    /// <summary><see cref="WorkspaceInitOptions.Organization"/>.</summary>
    Organization,

    /// <summary><see cref="WorkspaceInitOptions.Image"/>.</summary>
    Image,
}
