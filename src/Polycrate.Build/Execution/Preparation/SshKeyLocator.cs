using Polycrate.Build.Model;

namespace Polycrate.Build.Execution.Preparation;

/// <summary>
/// The workspace SSH private key (polycrate.md §7.2/§7.3): <c>config.sshprivatekey</c> (2025: <c>id_rsa</c> at the root),
/// else <c>artifacts/secrets/id_ed25519</c>, else <c>artifacts/secrets/id_rsa</c> (newer layout), also when that key
/// was decrypted for the run. The action gets a 0600 copy in its private run directory, since ssh refuses a key that
/// others can read and a key checked out by git is usually 0644.
/// </summary>
internal static class SshKeyLocator
{
    /// <summary>Where the key appears in a container (newer documents: ~/.ssh/id_rsa, read-only).</summary>
    public const string ContainerPath = "/root/.ssh/id_rsa";

    /// <summary>The key's workspace host path, or null; <paramref name="secretFiles"/> maps decrypted secrets' workspace paths to their files.</summary>
    public static string? Find(Workspace workspace, IReadOnlyDictionary<string, string>? secretFiles = null)
    {
        var candidates = new[]
        {
            workspace.Settings.SshPrivateKey,
            Path.Combine(workspace.Settings.ArtifactsRoot, "secrets", "id_ed25519"),
            Path.Combine(workspace.Settings.ArtifactsRoot, "secrets", "id_rsa"),
        };
        return candidates.Select(c => Path.Combine(workspace.RootPath, c))
            .FirstOrDefault(path => File.Exists(path) || (secretFiles?.ContainsKey(path) ?? false));
    }
}
