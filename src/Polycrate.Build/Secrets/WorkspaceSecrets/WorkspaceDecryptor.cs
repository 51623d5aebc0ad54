using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// <c>workspace decrypt</c>: writes the plaintext of every <c>.age</c> secret beside it (atomically, mode
/// 0600). A plaintext that differs from the encrypted content is someone's unsaved edit: without
/// <c>force</c> nothing is written and the error lists those files.
/// </summary>
internal sealed class WorkspaceDecryptor
{
    private readonly ILogger _logger;

    public WorkspaceDecryptor(ILogger<WorkspaceDecryptor>? logger = null)
    {
        _logger = logger ?? NullLogger<WorkspaceDecryptor>.Instance;
    }

    public async Task<SecretsResult> DecryptAsync(Model.Workspace workspace, IdentitySource identity, bool force, CancellationToken ct)
    {
        var identities = await identity.LoadAsync("decrypt the workspace secrets", ct);
        var statuses = await SecretStatus.ReadAllAsync(workspace, identities, ct);
        var conflicts = statuses.Where(s => s.State == SecretState.OutOfDate).Select(s => s.Secret.PlaintextPath).ToList();
        if (conflicts.Count > 0 && !force)
        {
            throw new WorkspaceSecretsException(SecretsErrorKind.PlaintextConflict,
                $"Decrypting would overwrite {conflicts.Count} plaintext file(s) that differ from their .age file: {string.Join(", ", conflicts)}. "
                + "Run 'polycrate-build workspace encrypt' to keep your edits, or 'polycrate-build workspace decrypt --force' to discard them.");
        }

        // Before any plaintext is written: a decrypt killed midway leaves a partial temporary file, which git must ignore.
        var gitIgnoreUpdated = await WorkspaceEncryptor.UpdateGitIgnoreAsync(workspace, statuses.Select(s => s.Secret), ct);
        var changes = new List<SecretChange>();
        foreach (var (secret, state) in statuses)
        {
            // A placeholder (empty mount point of a killed run) holds nothing to lose: it is replaced by the content.
            var decrypt = state is SecretState.EncryptedOnly or SecretState.OutOfDate or SecretState.Placeholder;
            if (decrypt)
            {
                await AgeFile.DecryptToFileAsync(secret.CiphertextPath, secret.PlaintextPath, identities, ct);
                _logger.LogDebug("decrypted {Secret}", secret.Name);
            }

            changes.Add(new SecretChange(secret.Name, decrypt ? SecretChangeKind.Decrypted : SecretChangeKind.Unchanged));
        }

        return new SecretsResult(changes, gitIgnoreUpdated, Verified: true, RecipientsFile: null);
    }
}
