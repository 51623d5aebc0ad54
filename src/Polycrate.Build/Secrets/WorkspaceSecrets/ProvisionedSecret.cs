namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// A secret available to an action run. <see cref="WorkspacePath"/> is where the secret belongs in the
/// workspace (host path); <see cref="HostPath"/> is the file that holds its plaintext: the same path when the
/// plaintext is in the workspace, a file in the private run directory when it was decrypted for the run.
/// </summary>
internal sealed record ProvisionedSecret(string Name, string WorkspacePath, string HostPath)
{
    public bool Decrypted => !string.Equals(WorkspacePath, HostPath, StringComparison.Ordinal);
}
