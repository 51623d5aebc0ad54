namespace Polycrate.Build.Engine;

/// <summary><c>workspace init</c>: the new workspace's directory and the values written to its workspace.poly.</summary>
/// <param name="Directory">Absolute folder that gets workspace.poly, blocks/ and artifacts/secrets/ (created if missing).</param>
/// <param name="Image">Toolchain image every action runs in (<c>config.container.image</c>); no whitespace or quotes.</param>
public sealed record WorkspaceInitOptions(string Directory, string Image)
{
    /// <summary>Workspace name; null: the directory name with every run of other characters than <c>[A-Za-z0-9_.-]</c> as '-'.</summary>
    public string? Name { get; init; }

    /// <summary>Organization name (same rule as <see cref="Name"/>).</summary>
    public string Organization { get; init; } = "my-organization";

    /// <summary>Also create an ed25519 key pair at artifacts/secrets/id_ed25519 (0600) and id_ed25519.pub.</summary>
    public bool SshKeys { get; init; }
}
