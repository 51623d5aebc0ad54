using System.Text;
using System.Text.RegularExpressions;

namespace Polycrate.Build.FileTrees;

/// <summary>
/// Translates an ignore-file glob to a regex body (no anchors): <c>*</c> matches within one path segment,
/// <c>?</c> one character of a segment, <c>**/</c> any number of whole segments (also none), <c>\</c> escapes
/// the next character; everything else is literal. See <see cref="GlobDialect"/> for where the flavours differ.
/// </summary>
internal static class GlobRegex
{
    /// <param name="glob">The cleaned pattern, without '!' or anchoring slashes.</param>
    /// <param name="dialect">Which ignore file the pattern comes from.</param>
    public static string Translate(string glob, GlobDialect dialect)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    i++;
                    var slashAfter = i + 1 < glob.Length && glob[i + 1] == '/';
                    if (slashAfter)
                    {
                        i++; // "**/" is "**": the slash is part of what it matches.
                    }

                    regex.Append(dialect == GlobDialect.Docker
                        ? (i + 1 == glob.Length ? ".*" : "(?:.*/)?")
                        : (slashAfter ? "(?:.*/)?" : ".*"));
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' or ']' when dialect == GlobDialect.Docker:
                    regex.Append(c);
                    break;
                case '[' when glob.IndexOf(']', i + 1) is var end and > 0:
                    var body = glob[(i + 1)..end];
                    regex.Append('[').Append(body.StartsWith('!') ? "^" + Regex.Escape(body[1..]) : Regex.Escape(body)).Append(']');
                    i = end;
                    break;
                case '\\' when i + 1 < glob.Length:
                    regex.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.ToString();
    }
}
