using System.Text;
using System.Text.RegularExpressions;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>
/// One <c>.dockerignore</c> rule, matched the way the Docker CLI matches it: the pattern is path-cleaned and a
/// leading '/' dropped; <c>*</c> matches within one path segment, <c>?</c> one character of a segment,
/// <c>**</c> any number of segments (also none), <c>\</c> escapes, <c>[…]</c> is a character class; a leading
/// <c>!</c> makes it an exception. A rule also matches every path below a directory it matches.
/// </summary>
public sealed class DockerIgnorePattern
{
    private readonly Regex _regex;

    private DockerIgnorePattern(string pattern, bool isException)
    {
        Pattern = pattern;
        IsException = isException;
        _regex = new Regex(ToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    /// <summary>The cleaned pattern, without the '!'.</summary>
    public string Pattern { get; }

    public bool IsException { get; }

    /// <summary>Parses one line; null for blank lines and comments.</summary>
    public static DockerIgnorePattern? Parse(string line)
    {
        if (line.StartsWith('#'))
        {
            return null;
        }

        var text = line.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        var isException = text[0] == '!';
        if (isException)
        {
            text = text[1..].Trim();
        }

        if (text.Length > 0)
        {
            text = CleanPath(text);
            if (text.Length > 1 && text[0] == '/')
            {
                text = text[1..];
            }
        }

        return new DockerIgnorePattern(text, isException);
    }

    /// <summary>True when the pattern matches <paramref name="path"/> (slash-separated, relative) or one of its parent directories.</summary>
    public bool Matches(string path)
    {
        if (_regex.IsMatch(path))
        {
            return true;
        }

        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (_regex.IsMatch(path[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++; // "**/" is "**": the slash is part of what it matches.
                    }

                    regex.Append(i + 1 == pattern.Length ? ".*" : "(.*/)?");
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' or ']':
                    regex.Append(c);
                    break;
                case '\\':
                    regex.Append(i + 1 < pattern.Length ? Regex.Escape(pattern[++i].ToString()) : @"\\");
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.Append('$').ToString();
    }

    /// <summary>Lexical path cleaning like Go's path.Clean: no empty or "." segments, ".." folded.</summary>
    private static string CleanPath(string path)
    {
        var rooted = path.StartsWith('/');
        var segments = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment != ".." || !rooted)
            {
                segments.Add(segment);
            }
        }

        var cleaned = string.Join('/', segments);
        return rooted ? "/" + cleaned : cleaned.Length == 0 ? "." : cleaned;
    }
}
