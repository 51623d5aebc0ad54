namespace Polycrate.Build.Diagnostics;

/// <summary>How bad a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Reported, the command goes on (fails only with strict mode: <c>--strict</c>, <c>PolycrateStrict</c>, <c>Strict</c>).</summary>
    Warning,

    /// <summary>The input is refused: the command fails with exit code 2.</summary>
    Error,
}

/// <summary>
/// One problem in a user file: what was found, what was expected (in <see cref="Message"/>), where, and how
/// to fix it (<see cref="Hint"/>). Rendered as <c>file:line:col: error PCB1234: message (hint)</c>.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location, string? Hint = null)
{
    /// <summary><c>file:line:col: error PCB1234: message Hint: hint</c> (the location is only the file when the line is unknown).</summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var hint = Hint is null ? string.Empty : $" Hint: {Hint}";
        return $"{Location}: {severity} {Code}: {Message}{hint}";
    }
}
