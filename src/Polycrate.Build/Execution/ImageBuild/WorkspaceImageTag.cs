using System.Text;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>
/// Names workspace images <c>polycrate-workspace-&lt;name&gt;:&lt;first 16 hex digits of the context hash&gt;</c>.
/// The workspace name is lower-cased and reduced to a valid repository path component, so any name gives a valid tag.
/// </summary>
internal static class WorkspaceImageTag
{
    public const string RepositoryPrefix = "polycrate-workspace-";

    public static string RepositoryFor(string workspaceName) => RepositoryPrefix + Sanitise(workspaceName);

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
