namespace Polycrate.Build.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One problem in a user file: what was found, what was expected (in <see cref="Message"/>), where, and how
/// to fix it (<see cref="Hint"/>). Rendered as <c>file:line:col: error PCB1234: message (hint)</c>.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, string Code, string Message, SourceLocation Location, string? Hint = null)
{
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var hint = Hint is null ? string.Empty : $" Hint: {Hint}";
        return $"{Location}: {severity} {Code}: {Message}{hint}";
    }
}
