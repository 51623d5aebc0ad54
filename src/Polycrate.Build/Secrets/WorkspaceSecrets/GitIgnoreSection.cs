using System.Text;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// The section of the workspace <c>.gitignore</c> that lists the plaintext secret files, between two marker
/// lines. Only that section is rewritten; the user's own lines stay as they are. Entries are anchored
/// paths of plaintext files only, so <c>*.age</c> files are never ignored.
/// </summary>
internal static class GitIgnoreSection
{
    public const string FileName = ".gitignore";
    public const string BeginMarker = "# BEGIN polycrate-build secrets (plaintext files; managed by 'polycrate-build workspace encrypt', do not edit)";
    public const string EndMarker = "# END polycrate-build secrets";

    /// <summary>Writes the section with <paramref name="workspaceRelativePaths"/>; returns false when the file already had exactly that content.</summary>
    /// <remarks><paramref name="secretsDirectory"/> is the secrets folder relative to the root ('/' separators): its temporary files of an
    /// interrupted encrypt or decrypt (<c>.&lt;name&gt;.&lt;hex&gt;.tmp</c>, possibly partial plaintext) are ignored too.</remarks>
    public static async Task<bool> UpdateAsync(string workspaceRoot, IEnumerable<string> workspaceRelativePaths, CancellationToken ct, string? secretsDirectory = null)
    {
        var path = Path.Combine(workspaceRoot, FileName);
        var original = File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : "";
        var updated = Render(original, workspaceRelativePaths, secretsDirectory);
        if (updated == original)
        {
            return false;
        }

        await File.WriteAllTextAsync(path, updated, ct);
        return true;
    }

    /// <summary>The new file text: the user's lines unchanged, the managed section replaced (or appended).</summary>
    public static string Render(string original, IEnumerable<string> workspaceRelativePaths, string? secretsDirectory = null)
    {
        var lines = original.Length == 0 ? [] : original.TrimEnd('\n').Split('\n').ToList();
        var begin = lines.FindIndex(l => l.TrimEnd('\r') == BeginMarker);
        var end = begin < 0 ? -1 : lines.FindIndex(begin, l => l.TrimEnd('\r') == EndMarker);
        var section = new List<string> { BeginMarker };
        section.AddRange(workspaceRelativePaths.Select(Pattern).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        if (secretsDirectory is not null)
        {
            section.Add(TemporaryFilesPattern(secretsDirectory));
        }

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

    /// <summary>The pattern for temporary files of interrupted writes anywhere below the secrets folder.</summary>
    public static string TemporaryFilesPattern(string secretsDirectory) => Pattern(secretsDirectory.TrimEnd('/')) + "/**/.*.tmp";

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
