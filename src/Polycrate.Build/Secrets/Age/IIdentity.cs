namespace Polycrate.Build.Secrets.Age;

/// <summary>Something that can decrypt: recovers the file key from the header stanzas addressed to it.</summary>
internal interface IIdentity
{
    /// <summary>
    /// Returns the file key, or null when no stanza is for this identity (or none unwraps).
    /// Throws <see cref="AgeException"/> when a stanza of this identity's type is malformed.
    /// </summary>
    byte[]? Unwrap(IReadOnlyList<AgeStanza> stanzas);
}
