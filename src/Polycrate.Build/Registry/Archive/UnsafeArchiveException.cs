using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry.Archive;

/// <summary>A layer holds an entry that would write outside the target or create something unsafe.</summary>
internal sealed class UnsafeArchiveException : PolycrateException
{
    public UnsafeArchiveException(string entry, string problem)
        : base($"Refusing to extract layer entry '{entry}': {problem}. Nothing was installed and the previous block is unchanged; "
            + "the artifact is malformed or malicious, do not use it.")
    {
        Entry = entry;
    }

    public string Entry { get; }

    public override string Code => DiagnosticCodes.UnsafeArchive;
}
