using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry;

/// <summary>An image reference string could not be parsed.</summary>
public sealed class ImageReferenceException : PolycrateException
{
    public ImageReferenceException(string reference, string problem)
        : base($"Invalid image reference '{reference}': {problem}. Use host[:port]/path[:tag][@sha256:<digest>], "
            + "e.g. registry.example.com/acme/blocks/edge-ota:1.2.0 or localhost:5000/edge-ota:1.2.0.")
    {
        Reference = reference;
    }

    public string Reference { get; }

    public override string Code => DiagnosticCodes.InvalidReference;

    public override int ExitCode => 2;
}
