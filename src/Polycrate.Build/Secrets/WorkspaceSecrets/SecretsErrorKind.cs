namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>What went wrong with workspace encryption. The numeric value is the PCB diagnostic code.</summary>
internal enum SecretsErrorKind
{
    /// <summary>An operation needs the age identity, and none was configured.</summary>
    NoIdentity = 5101,

    /// <summary>Encryption has no recipient: no recipients file and no identity to derive one from.</summary>
    NoRecipients = 5102,

    /// <summary>The identity is not among the recipients, so the user could not decrypt what they encrypt.</summary>
    IdentityNotRecipient = 5103,

    /// <summary>Decrypting would overwrite plaintext files that differ from the encrypted content.</summary>
    PlaintextConflict = 5104,

    /// <summary>A freshly written .age file did not decrypt back to its plaintext.</summary>
    VerificationFailed = 5105,

    /// <summary>A key or recipients file named on the command line does not exist.</summary>
    KeyFileMissing = 5106,

    /// <summary>A file the command would create already exists.</summary>
    FileExists = 5107,

    /// <summary>Encrypting would replace a non-empty .age with an empty plaintext (a mount point left by a killed run).</summary>
    PlaceholderPlaintext = 5108,
}
