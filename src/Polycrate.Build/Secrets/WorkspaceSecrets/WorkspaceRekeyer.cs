using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// <c>workspace rekey</c>: re-encrypts every <c>.age</c> secret to the current recipients (after a team
/// member joined or left). Each file is decrypted into a private temporary directory outside the workspace,
/// encrypted again (atomic replace), verified, and the temporary plaintext deleted. Plaintext files in the
/// workspace are not read: rekey carries over what is encrypted; run encrypt for plaintext edits.
/// </summary>
internal sealed class WorkspaceRekeyer
{
    private readonly ILogger _logger;

    public WorkspaceRekeyer(ILogger<WorkspaceRekeyer>? logger = null)
    {
        _logger = logger ?? NullLogger<WorkspaceRekeyer>.Instance;
    }

    public async Task<SecretsResult> RekeyAsync(Model.Workspace workspace, IdentitySource identity, string? recipientsFile, CancellationToken ct)
    {
        var identities = await identity.LoadAsync("re-encrypt the workspace secrets", ct);
        var recipients = await RecipientsFile.ResolveAsync(workspace.RootPath, recipientsFile, identities, ct);
        var scratch = PrivateDirectory.CreateTemporary("polycrate-rekey-");
        try
        {
            var changes = new List<SecretChange>();
            foreach (var secret in SecretDiscovery.Discover(workspace))
            {
                if (!secret.HasCiphertext)
                {
                    changes.Add(new SecretChange(secret.Name, SecretChangeKind.Unchanged));
                    continue;
                }

                var plaintext = Path.Combine(scratch, "plaintext");
                await AgeFile.DecryptToFileAsync(secret.CiphertextPath, plaintext, identities, ct);
                try
                {
                    await AgeFile.EncryptToFileAsync(plaintext, secret.CiphertextPath, recipients.Recipients, AgeEncryptOptions.Default, ct);
                    if (!await SecretComparer.MatchesAsync(secret.CiphertextPath, plaintext, identities, ct))
                    {
                        throw new WorkspaceSecretsException(SecretsErrorKind.VerificationFailed,
                            $"{secret.CiphertextPath} does not decrypt to its previous content after re-encryption. Check the disk, then run 'polycrate-build workspace rekey' again.");
                    }
                }
                finally
                {
                    File.Delete(plaintext);
                }

                _logger.LogDebug("re-encrypted {Secret}", secret.Name);
                changes.Add(new SecretChange(secret.Name, SecretChangeKind.Rekeyed));
            }

            return new SecretsResult(changes, GitIgnoreUpdated: false, Verified: true, recipients.FilePath);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}
