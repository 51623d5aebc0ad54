namespace Polycrate.Build.Diagnostics;

/// <summary>
/// Base of every error the engine raises on purpose. Front ends map it: the CLI prints
/// <see cref="Exception.Message"/> and exits with <see cref="ExitCode"/>; MSBuild reports <see cref="Code"/>;
/// Cake wraps it in a CakeException. Messages never contain secret values.
/// </summary>
public abstract class PolycrateException : Exception
{
    /// <summary>An error with a message that says what, where and how to fix it, and the exception that caused it, if any.</summary>
    protected PolycrateException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Diagnostic code (PCB + 4 digits), documented in docs/diagnostics.md.</summary>
    public abstract string Code { get; }

    /// <summary>Process exit code: 2 for invalid input, 1 for other failures, or the action's own code.</summary>
    public virtual int ExitCode => 1;

    /// <summary>Where in a user file the problem is, when it is in a user file.</summary>
    public virtual SourceLocation? Location => null;
}
