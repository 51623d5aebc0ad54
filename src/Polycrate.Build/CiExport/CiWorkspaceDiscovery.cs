using System.Text.RegularExpressions;
using Polycrate.Build.Loading;

namespace Polycrate.Build.CiExport;

/// <summary>
/// Expands <c>--workspaces GLOB</c> (e.g. <c>clusters/*</c>) to the directories below the project root that hold a
/// <c>workspace.poly</c>, sorted ordinally so the pipeline is the same on every machine. Supported: <c>*</c> and
/// <c>?</c> within one path segment, <c>**</c> for any number of segments.
/// </summary>
internal static class CiWorkspaceDiscovery
{
    /// <summary>Relative directories ('/'-separated) matching <paramref name="glob"/>.</summary>
    /// <exception cref="CiExportException">PCB2101 when nothing matches.</exception>
    public static IReadOnlyList<string> Find(string projectRoot, string glob)
    {
        var pattern = glob.Replace('\\', '/').Trim().TrimEnd('/');
        if (pattern.StartsWith("./", StringComparison.Ordinal))
        {
            pattern = pattern[2..];
        }

        var regex = new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant);
        // Only the part of the tree below the pattern's literal prefix is walked (not the whole checkout).
        var literal = string.Join('/', pattern.Split('/').TakeWhile(s => s.IndexOfAny(['*', '?']) < 0 && s != ".."));
        var start = Path.Combine(projectRoot, literal);
        var found = (Directory.Exists(start)
                ? Directory.EnumerateFiles(start, WorkspaceLoader.WorkspaceFileName, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
                : [])
            .Select(file => Path.GetRelativePath(projectRoot, Path.GetDirectoryName(file)!).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(dir => regex.IsMatch(dir))
            .Order(StringComparer.Ordinal)
            .ToList();
        return found.Count > 0
            ? found
            : throw new CiExportException(CiExportException.NoWorkspaceCode,
                $"--workspaces '{glob}' matched no directory with a {WorkspaceLoader.WorkspaceFileName} below {projectRoot}; the pattern is relative to that directory (e.g. 'clusters/*')");
    }

    private static string ToRegex(string glob)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                result.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else
            {
                result.Append(c switch { '*' => "[^/]*", '?' => "[^/]", _ => Regex.Escape(c.ToString()) });
            }
        }

        return result.ToString();
    }
}
