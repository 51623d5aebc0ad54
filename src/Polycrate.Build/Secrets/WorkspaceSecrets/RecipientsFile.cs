using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// The workspace's recipients file, <c>.age-recipients</c> at the workspace root: one <c>age1…</c> public
/// key per line, <c>#</c> comments naming the person. Everyone listed can decrypt the workspace secrets.
/// Without the file, secrets are encrypted to the recipient of the user's own identity.
/// </summary>
internal static class RecipientsFile
{
    public const string DefaultName = ".age-recipients";

    public static string DefaultPath(string workspaceRoot) => Path.Combine(workspaceRoot, DefaultName);

    /// <summary>
    /// The recipients to encrypt to: <paramref name="explicitPath"/> (must exist), else the default file when
    /// present, else the recipients of <paramref name="identities"/>. The identity, when given, must be among
    /// them, or the user could not decrypt (and we could not verify) what they encrypt.
    /// </summary>
    public static async Task<ResolvedRecipients> ResolveAsync(
        string workspaceRoot,
        string? explicitPath,
        IReadOnlyList<X25519Identity>? identities,
        CancellationToken ct)
    {
        var path = explicitPath is not null ? Path.GetFullPath(explicitPath, workspaceRoot) : DefaultPath(workspaceRoot);
        if (File.Exists(path))
        {
            var recipients = await AgeKeyFile.ReadRecipientsAsync(path, ct);
            if (identities is not null && !identities.Any(i => recipients.Any(r => r.ToString() == i.Recipient.ToString())))
            {
                throw new WorkspaceSecretsException(SecretsErrorKind.IdentityNotRecipient,
                    $"Your key ({identities[0].Recipient}) is not listed in {path}, so you could not decrypt what you encrypt. "
                    + $"Add that line to {path} (or run 'polycrate-build workspace keygen --append-recipient' for a new key), then run the command again.");
            }

            return new ResolvedRecipients(recipients, path);
        }

        if (explicitPath is not null)
        {
            throw new WorkspaceSecretsException(SecretsErrorKind.KeyFileMissing,
                $"The recipients file {path} does not exist; pass an existing file to --recipients or omit the option.");
        }

        if (identities is null)
        {
            throw new WorkspaceSecretsException(SecretsErrorKind.NoRecipients,
                $"No one to encrypt to: there is no {DefaultName} in {workspaceRoot} and no key. {IdentitySource.NoKeyAdvice}.");
        }

        return new ResolvedRecipients(identities.Select(i => i.Recipient).ToList(), null);
    }

    /// <summary>Adds <paramref name="recipient"/> (with a comment line) unless it is already listed; creates the file if needed.</summary>
    public static async Task<bool> AppendAsync(string path, X25519Recipient recipient, string comment, CancellationToken ct)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : "";
        var key = recipient.ToString();
        if (existing.Split('\n').Any(line => line.Trim() == key))
        {
            return false;
        }

        var separator = existing.Length == 0 || existing.EndsWith('\n') ? "" : "\n";
        await File.AppendAllTextAsync(path, $"{separator}# {comment}\n{key}\n", ct);
        return true;
    }
}

/// <summary>The recipients to encrypt to; <see cref="FilePath"/> is null when they were derived from the identity.</summary>
internal sealed record ResolvedRecipients(IReadOnlyList<X25519Recipient> Recipients, string? FilePath);
