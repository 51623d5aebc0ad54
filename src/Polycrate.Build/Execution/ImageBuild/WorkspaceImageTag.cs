using System.Text;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>
/// Names workspace images <c>polycrate-workspace-&lt;name&gt;:&lt;first 16 hex digits of the context hash&gt;</c>.
/// The workspace name is lower-cased and reduced to a valid repository path component, so any name gives a valid tag.
/// </summary>
internal static class WorkspaceImageTag
{
    public const string RepositoryPrefix = "polycrate-workspace-";

    /// <summary>Label naming the workspace an image was built for (its name as written).</summary>
    public const string WorkspaceLabel = "polycrate.workspace";

    /// <summary>
    /// Label telling which checkout built an image: two folders may hold workspaces of the same name (clones, worktrees)
    /// and share the repository, but never each other's images. A hash, so no local path travels with the image.
    /// </summary>
    public const string OwnerLabel = "polycrate.workspace.owner";

    public static string RepositoryFor(string workspaceName) => RepositoryPrefix + Sanitise(workspaceName);

    /// <summary>The <see cref="OwnerLabel"/> value of the workspace at <paramref name="workspaceRoot"/>: 16 hex digits of the SHA-256 of its full path.</summary>
    public static string OwnerOf(string workspaceRoot)
    {
        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workspaceRoot));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16];
    }

    public static string For(string workspaceName, string contextHash) =>
        $"{RepositoryFor(workspaceName)}:{contextHash[..Math.Min(16, contextHash.Length)]}";

    /// <summary>Lower case letters and digits, single dashes between runs of them; "workspace" when nothing is left.</summary>
    internal static string Sanitise(string name)
    {
        var result = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                result.Append(c);
            }
            else if (result.Length > 0 && result[^1] != '-')
            {
                result.Append('-');
            }
        }

        var text = result.ToString().TrimEnd('-');
        if (text.Length > 100)
        {
            text = text[..100].TrimEnd('-');
        }

        return text.Length == 0 ? "workspace" : text;
    }
}
