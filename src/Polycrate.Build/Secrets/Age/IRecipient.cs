namespace Polycrate.Build.Secrets.Age;

/// <summary>Something a file can be encrypted to: wraps the 16-byte file key into a header stanza.</summary>
internal interface IRecipient
{
    AgeStanza Wrap(ReadOnlySpan<byte> fileKey);
}
