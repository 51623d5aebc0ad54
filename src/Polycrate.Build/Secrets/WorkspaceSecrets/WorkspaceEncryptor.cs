using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// <c>workspace encrypt</c>: every new or changed plaintext secret becomes <c>&lt;file&gt;.age</c> (written
/// atomically), is verified by decrypting it with the user's key, and only then is its plaintext removed.
/// Unchanged secrets are left alone, so a second run changes nothing. The plaintext paths go into the
/// managed section of <c>.gitignore</c>.
/// </summary>
internal sealed class WorkspaceEncryptor
{
    private readonly ILogger _logger;

    public WorkspaceEncryptor(ILogger<WorkspaceEncryptor>? logger = null)
    {
        _logger = logger ?? NullLogger<WorkspaceEncryptor>.Instance;
    }

    public async Task<SecretsResult> EncryptAsync(Model.Workspace workspace, WorkspaceEncryptOptions options, CancellationToken ct)
    {
        var identities = await options.Identity.TryLoadAsync(ct);
        var recipients = await RecipientsFile.ResolveAsync(workspace.RootPath, options.RecipientsFile, identities, ct);
        var statuses = await SecretStatus.ReadAllAsync(workspace, identities, ct);
        RefusePlaceholders(statuses);
        var changes = new List<SecretChange>();
        foreach (var (secret, state) in statuses)
        {
            var encrypt = state switch
            {
                SecretState.PlaintextOnly or SecretState.OutOfDate => true,
                // Without a key the pair cannot be compared; a plaintext newer than its .age was edited since.
                SecretState.Unverified => File.GetLastWriteTimeUtc(secret.PlaintextPath) > File.GetLastWriteTimeUtc(secret.CiphertextPath),
                _ => false,
            };
            if (encrypt)
            {
                await AgeFile.EncryptToFileAsync(secret.PlaintextPath, secret.CiphertextPath, recipients.Recipients, AgeEncryptOptions.Default, ct);
                _logger.LogDebug("encrypted {Secret}", secret.Name);
            }

            var removed = false;
            if (identities is not null && secret.HasPlaintext && !options.KeepPlaintext)
            {
                if (encrypt && !await SecretComparer.MatchesAsync(secret.CiphertextPath, secret.PlaintextPath, identities, ct))
                {
                    throw new WorkspaceSecretsException(SecretsErrorKind.VerificationFailed,
                        $"{secret.CiphertextPath} does not decrypt to {secret.PlaintextPath}; the plaintext was kept. "
                        + "Check the disk, then run 'polycrate-build workspace encrypt' again.");
                }

                File.Delete(secret.PlaintextPath);
                removed = true;
            }

            changes.Add(new SecretChange(secret.Name, encrypt ? SecretChangeKind.Encrypted : SecretChangeKind.Unchanged, removed));
        }

        if (identities is null && statuses.Any(s => s.Secret.HasPlaintext))
        {
            _logger.LogWarning("No key ({Advice}): the new .age files were not verified, so the plaintext files were kept", IdentitySource.NoKeyAdvice);
        }

        var gitIgnoreUpdated = await UpdateGitIgnoreAsync(workspace, statuses.Select(s => s.Secret), ct);
        return new SecretsResult(changes, gitIgnoreUpdated, identities is not null, recipients.FilePath);
    }

    /// <summary>
    /// An empty plaintext beside a non-empty .age cannot be told apart from the mount point a killed run leaves:
    /// encrypting it would destroy the secret, so nothing is encrypted (checked before the first file is written).
    /// </summary>
    private static void RefusePlaceholders(IReadOnlyList<SecretStatus> statuses)
    {
        var empty = statuses.Where(s => s.State == SecretState.Placeholder).Select(s => s.Secret.PlaintextPath).ToList();
        if (empty.Count > 0)
        {
            throw new WorkspaceSecretsException(SecretsErrorKind.PlaceholderPlaintext,
                $"{string.Join(", ", empty)}: empty file(s) beside a non-empty .age file, most likely the mount point(s) of a run that was killed; "
                + "encrypting would replace the secret with nothing, so nothing was encrypted. "
                + "Delete the empty file(s) to keep the .age content (or run 'polycrate-build workspace decrypt' to restore the plaintext); "
                + "to really store an empty secret, delete its .age file first.");
        }
    }

    /// <summary>Lists the plaintext path of every secret in .gitignore (also those present only as .age: decrypt brings them back), and the temporary files of interrupted writes.</summary>
    internal static Task<bool> UpdateGitIgnoreAsync(Model.Workspace workspace, IEnumerable<WorkspaceSecret> secrets, CancellationToken ct) =>
        GitIgnoreSection.UpdateAsync(
            workspace.RootPath,
            secrets.Select(s => Path.GetRelativePath(workspace.RootPath, s.PlaintextPath).Replace(Path.DirectorySeparatorChar, '/')),
            ct,
            Path.GetRelativePath(workspace.RootPath, SecretDiscovery.SecretsDirectory(workspace)).Replace(Path.DirectorySeparatorChar, '/'));
}
