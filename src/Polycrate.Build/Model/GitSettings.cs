namespace Polycrate.Build.Model;

/// <summary><c>git:</c> of workspace.poly. Nothing is committed unless asked: <c>autocommit: true</c> here or <c>--commit</c> on a run.</summary>
public sealed record GitSettings
{
    /// <summary>No <c>git:</c> section: no auto-commit.</summary>
    public static GitSettings Default { get; } = new();

    /// <summary>Commit what each run changed in the workspace (run log, blocks.lock, artifacts) after the run.</summary>
    public bool AutoCommit { get; init; }
}
