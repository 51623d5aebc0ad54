using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry;

/// <summary>
/// A pulled artifact exceeds one of <see cref="PullLimits"/>: too many layers, a layer declared or inflating larger
/// than allowed, too many files, or a compression bomb. Nothing of it is installed.
/// </summary>
internal sealed class PullLimitException : PolycrateException
{
    public PullLimitException(ImageReference reference, string what, string variable)
        : base($"Refusing {reference}: {what}. Nothing was installed. If the block is genuinely this large, raise the "
            + $"limit with the environment variable {variable} (docs/limits.md); otherwise the registry serves a hostile or broken artifact.")
    {
        Variable = variable;
    }

    /// <summary>The environment variable that raises the limit that was hit.</summary>
    public string Variable { get; }

    public override string Code => DiagnosticCodes.PullLimit;
}
