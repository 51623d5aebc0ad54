using System.Text.RegularExpressions;

namespace Polycrate.Build.FileTrees;

/// <summary>One rule of an ignore file, compiled by the file's syntax (<see cref="DockerIgnoreFile"/>, <see cref="PolyIgnoreFile"/>).</summary>
/// <param name="Glob">The rule as written, cleaned, without a leading '!'.</param>
/// <param name="Regex">Matches a whole slash-separated relative path.</param>
/// <param name="IsException">A '!' rule: re-includes what an earlier rule excluded.</param>
/// <param name="DirectoryOnly">Applies to directories only (gitignore's trailing '/').</param>
/// <param name="MatchesParentDirectories">Also matches a path when it matches one of the path's parent directories (.dockerignore).</param>
internal sealed record IgnoreRule(string Glob, Regex Regex, bool IsException, bool DirectoryOnly, bool MatchesParentDirectories)
{
    /// <summary>Whether the rule applies to <paramref name="path"/> (slash-separated, relative).</summary>
    public bool Matches(string path, bool isDirectory)
    {
        if (DirectoryOnly && !isDirectory)
        {
            return false;
        }

        if (Regex.IsMatch(path))
        {
            return true;
        }

        if (MatchesParentDirectories)
        {
            for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                if (Regex.IsMatch(path[..slash]))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
