using System.Text.RegularExpressions;

namespace Polycrate.Build.FileTrees;

/// <summary>
/// Reads a block's <c>.polyignore</c>, a gitignore subset: <c>#</c> comments, <c>\#</c> and <c>\!</c> for
/// literal leading characters, a trailing <c>/</c> for directories only, a leading or inner <c>/</c> anchors to
/// the block root (otherwise the rule matches at any depth), <c>!</c> re-includes. Globs:
/// <see cref="GlobDialect.Gitignore"/>. Unlike .dockerignore a rule matches only the path itself; the
/// walker never descends into an excluded directory.
/// </summary>
internal static class PolyIgnoreFile
{
    /// <summary>The file's name in the block directory.</summary>
    public const string FileName = ".polyignore";

    /// <summary>The rules of the given lines, in order.</summary>
    public static IgnoreMatcher Parse(IEnumerable<string> lines) =>
        new(lines.Select(ParseLine).OfType<IgnoreRule>().ToList());

    /// <summary>The rules of <c>&lt;directory&gt;/.polyignore</c>; no rules when there is none.</summary>
    public static IgnoreMatcher Load(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllLines(path)) : IgnoreMatcher.Empty;
    }

    private static IgnoreRule? ParseLine(string line)
    {
        var text = line.TrimEnd('\r', ' ', '\t');
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return null;
        }

        var negate = text.StartsWith('!');
        text = negate ? text[1..] : text.StartsWith("\\!", StringComparison.Ordinal) || text.StartsWith("\\#", StringComparison.Ordinal) ? text[1..] : text;
        var directoryOnly = text.EndsWith('/');
        text = text.TrimEnd('/');
        var anchored = text.Contains('/', StringComparison.Ordinal);
        text = text.TrimStart('/');
        if (text.Length == 0)
        {
            return null;
        }

        var regex = new Regex((anchored ? "^" : "^(?:.*/)?") + GlobRegex.Translate(text, GlobDialect.Gitignore) + "$", RegexOptions.CultureInvariant);
        return new IgnoreRule(text, regex, negate, directoryOnly, MatchesParentDirectories: false);
    }
}
