namespace Polycrate.Build.Diagnostics;

/// <summary>Invalid input in workspace.poly / block.poly: YAML, schema, references or cycles. Exit code 2.</summary>
public sealed class WorkspaceException : PolycrateException
{
    /// <summary>
    /// The load's diagnostics, listed in the message (errors first, at most <see cref="MaxDiagnosticsShown"/>);
    /// <paramref name="strict"/> says warnings alone failed it (strict mode).
    /// </summary>
    public WorkspaceException(IReadOnlyList<Diagnostic> diagnostics, bool strict = false)
        : base(Render(diagnostics, strict))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>One diagnostic, e.g. a name given on the command line that is not in the workspace.</summary>
    public WorkspaceException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    /// <summary>Diagnostics listed in the message; <see cref="Diagnostics"/> keeps them all.</summary>
    public const int MaxDiagnosticsShown = 100;

    /// <summary>Every diagnostic of the load, warnings included (in strict mode they are why it failed).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The code of the first error (or of the first diagnostic when only warnings failed a strict load).</summary>
    public override string Code => FirstError?.Code ?? DiagnosticCodes.WorkspaceInvalid;

    /// <summary>Always 2: invalid input.</summary>
    public override int ExitCode => 2;

    /// <summary>Where the first error is (<c>file:line:col</c>).</summary>
    public override SourceLocation? Location => FirstError?.Location;

    private Diagnostic? FirstError =>
        Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) ?? (Diagnostics.Count > 0 ? Diagnostics[0] : null);

    private static string Render(IReadOnlyList<Diagnostic> diagnostics, bool strict)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        var summary = strict && errors == 0
            ? $"the workspace has {warnings} warning(s), and {DiagnosticCatalog.StrictHint.Cli}"
            : $"the workspace is invalid ({errors} error(s), {warnings} warning(s))";
        // Capped, errors first: a generated or hostile file can produce thousands of diagnostics.
        var shown = diagnostics.Count <= MaxDiagnosticsShown
            ? diagnostics
            : diagnostics.OrderBy(d => d.Severity == DiagnosticSeverity.Error ? 0 : 1).Take(MaxDiagnosticsShown);
        var more = diagnostics.Count > MaxDiagnosticsShown ? $"{Environment.NewLine}… and {diagnostics.Count - MaxDiagnosticsShown} more" : string.Empty;
        return summary + ":" + Environment.NewLine + string.Join(Environment.NewLine, shown) + more;
    }
}
