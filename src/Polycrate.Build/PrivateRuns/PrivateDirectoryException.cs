using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.PrivateRuns;

/// <summary>The private run folder cannot be made safe (PCB3070): a link, or a folder of another user.</summary>
internal sealed class PrivateDirectoryException : PolycrateException
{
    public PrivateDirectoryException(string what, string fix, Exception? inner = null)
        : base($"{what}. Hint: {fix}.", inner)
    {
    }

    public override string Code => DiagnosticCodes.PrivateDirectoryUnsafe;
}
