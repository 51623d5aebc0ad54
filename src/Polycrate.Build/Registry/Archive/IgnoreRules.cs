using System.Text;
using System.Text.RegularExpressions;

namespace Polycrate.Build.Registry.Archive;

/// <summary>
/// Which block files stay out of the packed layer. Always excluded (cannot be re-included): <c>.git</c> at any
/// depth, the block's top-level <c>artifacts/</c>, and <c>*.age</c> secrets. Then the rules of the block's
/// <c>.polyignore</c>, a gitignore subset: <c>#</c> comments, <c>*</c>, <c>?</c>, <c>[abc]</c>, <c>**</c>,
/// trailing <c>/</c> for directories only, a leading or inner <c>/</c> anchors to the block root, <c>!</c>
/// re-includes; the last matching rule wins, and nothing under an excluded directory is considered.
/// </summary>
public sealed class IgnoreRules
{
    public const string FileName = ".polyignore";

    private readonly IReadOnlyList<Rule> _rules;

    private IgnoreRules(IReadOnlyList<Rule> rules)
    {
        _rules = rules;
    }

    public static IgnoreRules Parse(IEnumerable<string> lines) =>
        new(lines.Select(ParseLine).OfType<Rule>().ToList());

    /// <summary>The rules of <c>&lt;blockDirectory&gt;/.polyignore</c>, or only the built-ins when there is none.</summary>
    public static IgnoreRules Load(string blockDirectory)
    {
        var path = Path.Combine(blockDirectory, FileName);
        return File.Exists(path) ? Parse(File.ReadAllLines(path)) : Parse([]);
    }

    /// <summary>Whether <paramref name="relativePath"/> (relative to the block root, '/' separators) is excluded.</summary>
    public bool IsIgnored(string relativePath, bool isDirectory)
    {
        var name = relativePath[(relativePath.LastIndexOf('/') + 1)..];
        if (name == ".git" || (isDirectory && relativePath == "artifacts") || (!isDirectory && name.EndsWith(".age", StringComparison.Ordinal)))
        {
            return true;
        }

        var ignored = false;
        foreach (var rule in _rules)
        {
            if ((!rule.DirectoryOnly || isDirectory) && rule.Pattern.IsMatch(relativePath))
            {
                ignored = !rule.Negate;
            }
        }

        return ignored;
    }

    private static Rule? ParseLine(string line)
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

        var pattern = (anchored ? "^" : "^(?:.*/)?") + GlobToRegex(text) + "$";
        return new Rule(new Regex(pattern, RegexOptions.CultureInvariant), negate, directoryOnly);
    }

    private static string GlobToRegex(string glob)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slashAfter = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '[' && glob.IndexOf(']', i + 1) is var end and > 0)
            {
                var body = glob[(i + 1)..end];
                regex.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body)).Append(']');
                i = end;
            }
            else if (c == '\\' && i + 1 < glob.Length)
            {
                regex.Append(Regex.Escape(glob[++i].ToString()));
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }

    private sealed record Rule(Regex Pattern, bool Negate, bool DirectoryOnly);
}
