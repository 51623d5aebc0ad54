using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Limits;

/// <summary>A <c>POLYCRATE_MAX_*</c> or <c>POLYCRATE_*_TIMEOUT</c> variable holds a value that is not a limit.</summary>
internal sealed class InvalidLimitException : PolycrateException
{
    public InvalidLimitException(string variable, string value, string expected)
        : base($"The environment variable {variable}='{Shorten(value)}' is not {expected}. "
            + $"Fix or unset it (docs/limits.md lists every limit and its default).")
    {
        Variable = variable;
    }

    public string Variable { get; }

    public override string Code => DiagnosticCodes.InvalidLimit;

    public override int ExitCode => 2;

    private static string Shorten(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
