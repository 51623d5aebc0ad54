using Polycrate.Build.Model;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// The secrets of one action run, from <see cref="SecretsProvisioner"/>. Disposing deletes the decrypted
/// files (the <c>secrets</c> folder of the run directory) and the empty mount-point files the container
/// engine created in the workspace for the read-only bind mounts of <see cref="Mounts"/> (see <see cref="MountPoints"/>).
/// </summary>
internal sealed class ProvisionedSecrets : IAsyncDisposable
{
    private readonly Model.Workspace _workspace;
    private readonly string? _decryptedDirectory;
    private readonly IReadOnlyList<string> _mountPoints;

    internal ProvisionedSecrets(Model.Workspace workspace, IReadOnlyList<ProvisionedSecret> secrets, string? decryptedDirectory, IReadOnlyList<string>? mountPoints = null)
    {
        _workspace = workspace;
        _decryptedDirectory = decryptedDirectory;
        _mountPoints = mountPoints ?? [];
        Secrets = secrets;
        HostFiles = secrets.Where(s => s.Decrypted).ToDictionary(s => s.WorkspacePath, s => s.HostPath, StringComparer.Ordinal);
    }

    /// <summary>Every available secret, by name.</summary>
    public IReadOnlyList<ProvisionedSecret> Secrets { get; }

    /// <summary>Decrypted secrets only: workspace host path → host path of the decrypted file (for ActionContext.SecretFiles).</summary>
    public IReadOnlyDictionary<string, string> HostFiles { get; }

    /// <summary>
    /// Read-only bind mounts that put each decrypted file where it belongs in the container
    /// (<c>/workspace/artifacts/secrets/kubeconfig.yml</c>); add them after the workspace mount.
    /// </summary>
    public IReadOnlyList<MountEntry> Mounts
    {
        get
        {
            var paths = new PathMapper(_workspace, onHost: false);
            return Secrets.Where(s => s.Decrypted).Select(s => new MountEntry(s.HostPath, paths.ToContainer(s.WorkspacePath), ReadOnly: true)).ToList();
        }
    }

    /// <summary>
    /// <c>workspace.secrets</c> of the snapshot: secret name → path as the action sees it (container path, or
    /// on the host the file that holds the plaintext). Paths only, never contents.
    /// </summary>
    public ConfigMap ToSecretsMap(PathMapper paths) =>
        new(Secrets.Select(s => new KeyValuePair<string, ConfigValue>(
            s.Name, ConfigScalar.String(paths.OnHost ? s.HostPath : paths.ToContainer(s.WorkspacePath)))).ToList());

    public ValueTask DisposeAsync()
    {
        // A bind mount onto a missing file makes the engine create an empty file at the mount point, on the host.
        // Only the ones this run caused are removed: an empty file that was there before may be another run's.
        foreach (var path in _mountPoints)
        {
            MountPoints.RemoveIfEmpty(path);
        }

        if (_decryptedDirectory is not null && Directory.Exists(_decryptedDirectory))
        {
            Directory.Delete(_decryptedDirectory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
