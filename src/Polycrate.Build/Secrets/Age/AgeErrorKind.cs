namespace Polycrate.Build.Secrets.Age;

/// <summary>What went wrong with an age operation. The numeric value is the PCB diagnostic code.</summary>
internal enum AgeErrorKind
{
    /// <summary>A recipient, identity or key file could not be parsed.</summary>
    InvalidKey = 5001,

    /// <summary>The header is not a well-formed age v1 header.</summary>
    MalformedHeader = 5002,

    /// <summary>None of the given identities could unwrap the file key.</summary>
    NoIdentityMatched = 5003,

    /// <summary>The file key was unwrapped but the header MAC does not match: the header was modified.</summary>
    HeaderMacMismatch = 5004,

    /// <summary>A payload chunk failed authentication: the file was modified or corrupted.</summary>
    PayloadAuthenticationFailed = 5005,

    /// <summary>The file ends before the header or the final payload chunk.</summary>
    Truncated = 5006,

    /// <summary>The ASCII armor (PEM "AGE ENCRYPTED FILE") is malformed.</summary>
    MalformedArmor = 5007,

    /// <summary>An scrypt stanza asks for more work than the identity accepts.</summary>
    WorkFactorTooLarge = 5008,

    /// <summary>The recipients given to the encryptor cannot be combined (e.g. scrypt with others).</summary>
    InvalidRecipients = 5009,
}
