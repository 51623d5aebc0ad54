using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Registry.Auth;

/// <summary>Credentials could not be read (broken Docker config, failing credential helper).</summary>
internal sealed class CredentialException : PolycrateException
{
    public CredentialException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public override string Code => DiagnosticCodes.Credentials;
}
