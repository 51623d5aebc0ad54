namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>The state of one secret: its plaintext file, its <c>.age</c> file, or both.</summary>
internal enum SecretState
{
    /// <summary>Both files exist and the plaintext equals the decrypted <c>.age</c> content.</summary>
    Encrypted,

    /// <summary>Only the <c>.age</c> file exists (the state after encrypt; safe to commit).</summary>
    EncryptedOnly,

    /// <summary>Only the plaintext exists: not protected yet, run encrypt.</summary>
    PlaintextOnly,

    /// <summary>Both exist and differ: the plaintext was changed since it was encrypted.</summary>
    OutOfDate,

    /// <summary>Both exist but no key was available to compare them.</summary>
    Unverified,

    /// <summary>The plaintext is empty and the <c>.age</c> is not: a mount point left by a killed run, not a secret.</summary>
    Placeholder,
}
