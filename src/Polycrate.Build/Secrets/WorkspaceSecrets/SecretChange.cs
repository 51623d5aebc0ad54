namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>What a workspace command did to one secret.</summary>
public enum SecretChangeKind
{
    /// <summary>Nothing written: the secret was already up to date (for rekey: it has no <c>.age</c> file).</summary>
    Unchanged,

    /// <summary>Plaintext encrypted to <c>NAME.age</c> for the workspace's recipients.</summary>
    Encrypted,

    /// <summary><c>NAME.age</c> decrypted to the plaintext file next to it.</summary>
    Decrypted,

    /// <summary><c>NAME.age</c> re-encrypted for the current recipients and verified by decrypting it.</summary>
    Rekeyed,
}

/// <summary>One secret and what happened to it; <see cref="PlaintextRemoved"/> after a verified encryption.</summary>
public sealed record SecretChange(string Name, SecretChangeKind Kind, bool PlaintextRemoved = false);

/// <summary>The outcome of encrypt, decrypt or rekey.</summary>
/// <param name="Changes">Every secret, in name order.</param>
/// <param name="GitIgnoreUpdated">Whether the managed section of .gitignore changed.</param>
/// <param name="Verified">Whether new .age files were checked by decrypting them (needs the identity).</param>
/// <param name="RecipientsFile">The recipients file used, or null when the recipient came from the identity.</param>
public sealed record SecretsResult(IReadOnlyList<SecretChange> Changes, bool GitIgnoreUpdated, bool Verified, string? RecipientsFile)
{
    /// <summary>How many secrets had this <paramref name="kind"/> of change.</summary>
    public int Count(SecretChangeKind kind) => Changes.Count(c => c.Kind == kind);
}
