using Polycrate.Build.FileTrees;

namespace Polycrate.Build.Registry.Archive;

/// <summary>
/// Which block files stay out of the packed layer: first what is always excluded (cannot be re-included):
/// <c>.git</c> at any depth, the block's top-level <c>artifacts/</c> directory, and <c>*.age</c> files (secrets);
/// then the rules of the block's <see cref="PolyIgnoreFile"/>. Nothing under an excluded directory is considered.
/// </summary>
internal sealed class BlockIgnoreRules
{
    // In .polyignore syntax; the last rule keeps directories that merely end in ".age".
    private static readonly IgnoreMatcher AlwaysExcluded = PolyIgnoreFile.Parse([".git", "/artifacts/", "*.age", "!*.age/"]);

    private readonly IgnoreMatcher _rules;

    private BlockIgnoreRules(IgnoreMatcher rules)
    {
        _rules = rules;
    }

    /// <summary>The built-ins plus the given <c>.polyignore</c> lines.</summary>
    public static BlockIgnoreRules Parse(IEnumerable<string> lines) => new(PolyIgnoreFile.Parse(lines));

    /// <summary>The built-ins plus the rules of <c>&lt;blockDirectory&gt;/.polyignore</c>, if there is one.</summary>
    public static BlockIgnoreRules Load(string blockDirectory) => new(PolyIgnoreFile.Load(blockDirectory));

    /// <summary>Whether <paramref name="relativePath"/> (relative to the block root, '/' separators) is excluded.</summary>
    public bool IsIgnored(string relativePath, bool isDirectory) =>
        AlwaysExcluded.IsExcluded(relativePath, isDirectory) || _rules.IsExcluded(relativePath, isDirectory);
}
