using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// Makes the workspace secrets available to one action run without putting plaintext into the workspace:
/// a secret whose plaintext is in the workspace is used in place; a secret present only as <c>.age</c> is
/// decrypted into <c>&lt;runDirectory&gt;/secrets/&lt;name&gt;</c> (directories 0700, files 0600) when a key
/// is available, and left out with a warning when not.
/// </summary>
internal sealed class SecretsProvisioner
{
    public const string RunFolder = "secrets";

    private readonly ILogger _logger;

    public SecretsProvisioner(ILogger<SecretsProvisioner>? logger = null)
    {
        _logger = logger ?? NullLogger<SecretsProvisioner>.Instance;
    }

    /// <summary>
    /// <paramref name="runDirectory"/> must be a private directory outside the workspace, owned by the run;
    /// the result deletes its <c>secrets</c> folder when disposed.
    /// </summary>
    public async Task<ProvisionedSecrets> ProvisionAsync(Model.Workspace workspace, IdentitySource identity, string runDirectory, CancellationToken ct)
    {
        // secrets.poly reaches the action as config (the loader merges it), not as a file.
        var secretsFile = Path.Combine(workspace.RootPath, SecretDiscovery.SecretsFileName);
        var secrets = SecretDiscovery.Discover(workspace).Where(s => s.PlaintextPath != secretsFile).ToList();
        var encryptedOnly = secrets.Where(s => !s.HasPlaintext || s.IsPlaceholder).ToList();
        var identities = encryptedOnly.Count > 0 ? await identity.TryLoadAsync(ct) : null;
        var decryptedDirectory = Path.Combine(Path.GetFullPath(runDirectory), RunFolder);
        var result = new List<ProvisionedSecret>();
        var done = false;
        try
        {
            foreach (var secret in secrets)
            {
                var placeholder = secret.IsPlaceholder;
                if (placeholder)
                {
                    _logger.LogWarning(
                        "{Path} is empty but {Secret}.age is not: treated as the mount point of an interrupted run, not as the secret's value ({Use}). Delete the empty file or run 'polycrate-build workspace decrypt'",
                        secret.PlaintextPath, secret.Name, identities is null ? "no key is set, so the action will not see it" : "the action gets the .age content");
                }

                if (secret.HasPlaintext && !placeholder)
                {
                    result.Add(new ProvisionedSecret(secret.Name, secret.PlaintextPath, secret.PlaintextPath));
                }
                else if (identities is null)
                {
                    _logger.LogWarning("Secret {Secret} is encrypted and no key is set, so the action will not see it ({Advice})", secret.Name, IdentitySource.NoKeyAdvice);
                }
                else
                {
                    var target = Path.Combine(decryptedDirectory, secret.Name.Replace('/', Path.DirectorySeparatorChar));
                    PrivateDirectory.Create(Path.GetDirectoryName(decryptedDirectory)!, Path.GetDirectoryName(target)!);
                    await AgeFile.DecryptToFileAsync(secret.CiphertextPath, target, identities, ct);
                    result.Add(new ProvisionedSecret(secret.Name, secret.PlaintextPath, target));
                    _logger.LogDebug("decrypted {Secret} for the run", secret.Name);
                }
            }

            // The engine creates an empty file for each mount onto a missing path; record them before any container
            // starts, so they are removed even when this process is killed (OrphanReaper reads the record).
            var mountPoints = result.Where(s => s.Decrypted && !File.Exists(s.WorkspacePath)).Select(s => s.WorkspacePath).ToList();
            if (mountPoints.Count > 0)
            {
                await MountPoints.RecordAsync(Path.GetFullPath(runDirectory), mountPoints, ct);
            }

            done = true;
            return new ProvisionedSecrets(workspace, result, decryptedDirectory, mountPoints);
        }
        finally
        {
            if (!done && Directory.Exists(decryptedDirectory))
            {
                Directory.Delete(decryptedDirectory, recursive: true);
            }
        }
    }
}
