using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Secrets.Age;

/// <summary>
/// An age encryption or decryption failure. Messages name the file and the problem, never key material,
/// passphrases or plaintext.
/// </summary>
public sealed class AgeException : PolycrateException
{
    public AgeException(AgeErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    public AgeErrorKind Kind { get; }

    public override string Code => $"PCB{(int)Kind}";

    public override int ExitCode => 1;
}
