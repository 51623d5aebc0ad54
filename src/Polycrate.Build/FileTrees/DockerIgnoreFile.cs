using System.Text.RegularExpressions;

namespace Polycrate.Build.FileTrees;

/// <summary>
/// Reads <c>.dockerignore</c> rules the way the Docker CLI does: each line is path-cleaned and a leading '/'
/// dropped; <c>#</c> lines are comments; a leading <c>!</c> makes an exception; a rule also matches every path
/// below a directory it matches. Globs: <see cref="GlobDialect.Docker"/>.
/// </summary>
internal static class DockerIgnoreFile
{
    /// <summary>The rules of a whole file; a byte-order mark and CRLF line ends are accepted.</summary>
    public static IgnoreMatcher Parse(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        return new IgnoreMatcher(text.Split('\n').Select(line => ParseLine(line.TrimEnd('\r'))).OfType<IgnoreRule>().ToList());
    }

    /// <summary>One line as a rule; null for blank lines and comments.</summary>
    private static IgnoreRule? ParseLine(string line)
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

        var regex = new Regex(
            "^" + GlobRegex.Translate(text, GlobDialect.Docker) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline,
            TimeSpan.FromSeconds(1));
        return new IgnoreRule(text, regex, isException, DirectoryOnly: false, MatchesParentDirectories: true);
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
