using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry;

/// <summary>Downloaded content does not hash to the digest (or size) it was requested by.</summary>
internal sealed class DigestMismatchException : PolycrateException
{
    public DigestMismatchException(string what, Uri uri, string expected, string actual)
        : base($"Content of {what} downloaded from {uri} does not match its digest: expected {expected}, got {actual}. "
            + "The registry storage is corrupt or something between you and the registry altered the data; "
            + "nothing was installed. Re-push the artifact or ask the registry operator to check the blob.")
    {
        Expected = expected;
        Actual = actual;
    }

    public string Expected { get; }

    public string Actual { get; }

    public override string Code => DiagnosticCodes.DigestMismatch;
}
