namespace Polycrate.Build.Diagnostics;

/// <summary>Collects diagnostics while a workspace loads, so one run reports every problem, not just the first.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>
    /// Every diagnostic in reading order: files in the order they were first reported on (workspace.poly first), and
    /// within a file by line and column — checks run in passes (syntax, references, files), which would otherwise
    /// list line 20 before line 2.
    /// </summary>
    public IReadOnlyList<Diagnostic> Items
    {
        get
        {
            var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var item in _items)
            {
                fileOrder.TryAdd(item.Location.File, fileOrder.Count);
            }

            return _items.OrderBy(d => fileOrder[d.Location.File]).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column).ToList();
        }
    }

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
            throw new WorkspaceException(Items, strict);
        }
    }
}
