using System.Text;

namespace Polycrate.Build.Secrets.Workspace;

/// <summary>
/// The section of the workspace <c>.gitignore</c> that lists the plaintext secret files, between two marker
/// lines. Only that section is rewritten; the user's own lines stay as they are. Entries are anchored
/// paths of plaintext files only, so <c>*.age</c> files are never ignored.
/// </summary>
public static class GitIgnoreSection
{
    public const string FileName = ".gitignore";
    public const string BeginMarker = "# BEGIN polycrate-build secrets (plaintext files; managed by 'polycrate-build workspace encrypt', do not edit)";
    public const string EndMarker = "# END polycrate-build secrets";

    /// <summary>Writes the section with <paramref name="workspaceRelativePaths"/>; returns false when the file already had exactly that content.</summary>
    public static async Task<bool> UpdateAsync(string workspaceRoot, IEnumerable<string> workspaceRelativePaths, CancellationToken ct)
    {
        var path = Path.Combine(workspaceRoot, FileName);
        var original = File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : "";
        var updated = Render(original, workspaceRelativePaths);
        if (updated == original)
        {
            return false;
        }

        await File.WriteAllTextAsync(path, updated, ct);
        return true;
    }

    /// <summary>The new file text: the user's lines unchanged, the managed section replaced (or appended).</summary>
    public static string Render(string original, IEnumerable<string> workspaceRelativePaths)
    {
        var lines = original.Length == 0 ? [] : original.TrimEnd('\n').Split('\n').ToList();
        var begin = lines.FindIndex(l => l.TrimEnd('\r') == BeginMarker);
        var end = begin < 0 ? -1 : lines.FindIndex(begin, l => l.TrimEnd('\r') == EndMarker);
        var section = new List<string> { BeginMarker };
        section.AddRange(workspaceRelativePaths.Select(Pattern).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        section.Add(EndMarker);
        if (begin >= 0 && end > begin)
        {
            lines.RemoveRange(begin, end - begin + 1);
            lines.InsertRange(begin, section);
        }
        else
        {
            if (lines.Count > 0 && lines[^1].Trim().Length > 0)
            {
                lines.Add("");
            }

            lines.AddRange(section);
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>An anchored, literal gitignore pattern for a path ('/' separators) relative to the workspace root.</summary>
    public static string Pattern(string workspaceRelativePath)
    {
        var builder = new StringBuilder("/");
        foreach (var c in workspaceRelativePath)
        {
            if (c is '*' or '?' or '[' or '\\' or '!' or '#' or ' ')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
