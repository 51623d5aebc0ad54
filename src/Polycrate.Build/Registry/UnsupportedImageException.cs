using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry;

/// <summary>The artifact behind a reference is not something a block can be installed from.</summary>
internal sealed class UnsupportedImageException : PolycrateException
{
    public UnsupportedImageException(ImageReference reference, string problem)
        : base($"Cannot install a block from {reference}: {problem}.")
    {
    }

    public override string Code => DiagnosticCodes.UnsupportedImage;
}
