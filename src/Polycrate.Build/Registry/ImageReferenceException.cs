using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry;

/// <summary>An image reference string could not be parsed.</summary>
internal sealed class ImageReferenceException : PolycrateException
{
    public ImageReferenceException(string reference, string problem)
        : base($"Invalid image reference '{reference}': {problem}. Use host[:port]/path[:tag][@sha256:<digest>], "
            + "e.g. registry.example.com/acme/blocks/edge-ota:1.2.0 or localhost:5000/edge-ota:1.2.0.")
    {
        Reference = reference;
    }

    private ImageReferenceException(string redactedReference, string message, bool _)
        : base(message)
    {
        Reference = redactedReference;
    }

    /// <summary>The reference as given (redacted when it carried credentials).</summary>
    public string Reference { get; }

    /// <summary>
    /// A reference with <c>user:password@</c> in front of the host. The message shows the reference with the
    /// credentials replaced by <c>***</c>, never the credentials themselves.
    /// </summary>
    public static ImageReferenceException CredentialsInReference(string afterCredentials)
    {
        var redacted = "***@" + afterCredentials;
        return new ImageReferenceException(redacted,
            $"Invalid image reference '{redacted}': it carries credentials in front of the registry host (user:password@host/…), "
            + "which would end up in shell history, logs and blocks.lock. Remove them from the reference and give them the usual way: "
            + "'docker login <host>', or POLYCRATE_REGISTRY_USERNAME / POLYCRATE_REGISTRY_PASSWORD. If the password was typed on a "
            + "command line or committed, change it.", true);
    }

    public override string Code => DiagnosticCodes.InvalidReference;

    public override int ExitCode => 2;
}
