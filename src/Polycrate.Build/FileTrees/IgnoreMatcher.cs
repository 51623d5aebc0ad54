namespace Polycrate.Build.FileTrees;

/// <summary>
/// An ordered list of ignore rules where the last rule that matches a path decides: an exception rule
/// (<c>!pattern</c>) re-includes what an earlier rule excluded. Immutable and safe to share.
/// </summary>
internal sealed class IgnoreMatcher
{
    /// <param name="rules">The rules in file order.</param>
    public IgnoreMatcher(IReadOnlyList<IgnoreRule> rules)
    {
        Rules = rules;
        HasExceptions = rules.Any(r => r.IsException);
    }

    /// <summary>No rules: nothing is excluded.</summary>
    public static IgnoreMatcher Empty { get; } = new([]);

    /// <summary>The rules in file order.</summary>
    public IReadOnlyList<IgnoreRule> Rules { get; }

    /// <summary>
    /// True when some rule re-includes paths; then an excluded directory must still be walked, because a file
    /// below it may be re-included.
    /// </summary>
    public bool HasExceptions { get; }

    /// <summary>Is the slash-separated path (relative to the root the rules belong to) left out?</summary>
    /// <param name="path">Relative path, '/' separators, no trailing slash.</param>
    /// <param name="isDirectory">Whether the path is a real directory (only directory-only rules care).</param>
    public bool IsExcluded(string path, bool isDirectory = false)
    {
        var excluded = false;
        foreach (var rule in Rules)
        {
            // Only a rule that could flip the current answer needs evaluating.
            if (rule.IsException == excluded && rule.Matches(path, isDirectory))
            {
                excluded = !rule.IsException;
            }
        }

        return excluded;
    }
}
