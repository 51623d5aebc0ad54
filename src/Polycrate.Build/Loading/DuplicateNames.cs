using Polycrate.Build.Diagnostics;

namespace Polycrate.Build.Loading;

/// <summary>
/// Tracks names that must be unique in one list (blocks, actions, workflows, steps) and reports a repeated name at the
/// repetition, naming where the first one is, so both can be found without searching the file.
/// </summary>
internal sealed class DuplicateNames
{
    private readonly Dictionary<string, SourceLocation> _first = new(StringComparer.Ordinal);
    private readonly string _what;
    private readonly string _hint;

    /// <param name="what">The kind of name in messages: "block", "action", "workflow", "step".</param>
    /// <param name="hint">How to fix it.</param>
    public DuplicateNames(string what, string hint)
    {
        _what = what;
        _hint = hint;
    }

    /// <summary>True when <paramref name="name"/> is new; otherwise adds PCB1006 at <paramref name="location"/> and returns false.</summary>
    public bool Add(string name, SourceLocation location, string context, DiagnosticBag diagnostics)
    {
        if (_first.TryAdd(name, location))
        {
            return true;
        }

        diagnostics.Error(DiagnosticCodes.DuplicateName, Message(context, name, _first[name], location), location, _hint);
        return false;
    }

    /// <summary>"{context}: block 'x' is defined twice: first at a.poly:3:5, again at a.poly:9:5".</summary>
    public string Message(string context, string name, SourceLocation first, SourceLocation again) =>
        $"{context}: {_what} '{MessageText.Cut(name)}' is defined twice: first at {first}, again at {again}";
}
