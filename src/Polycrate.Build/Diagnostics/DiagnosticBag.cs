namespace Polycrate.Build.Diagnostics;

/// <summary>Collects diagnostics while a workspace loads, so one run reports every problem, not just the first.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public bool HasErrors => _items.Any(d => d.Severity == DiagnosticSeverity.Error);

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void Error(string code, string message, SourceLocation location, string? hint = null) =>
        _items.Add(new Diagnostic(DiagnosticSeverity.Error, code, message, location, hint));

    public void Warning(string code, string message, SourceLocation location, string? hint = null) =>
        _items.Add(new Diagnostic(DiagnosticSeverity.Warning, code, message, location, hint));

    /// <summary>With <c>--strict</c> every warning counts as an error.</summary>
    public void ThrowIfErrors(bool strict)
    {
        if (HasErrors || (strict && _items.Count > 0))
        {
            throw new WorkspaceException(_items, strict);
        }
    }
}
