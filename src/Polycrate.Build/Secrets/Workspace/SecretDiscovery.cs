using System.Text.RegularExpressions;

namespace Polycrate.Build.Secrets.Workspace;

/// <summary>
/// Finds the secrets of a workspace: every regular file below <c>&lt;artifacts root&gt;/secrets/</c>, a
/// plaintext <c>X</c> and its <c>X.age</c> counting as one secret. Symbolic links are not followed (they
/// may point anywhere); <c>.gitignore</c> files and temporary files of an interrupted write are not secrets.
/// </summary>
public static partial class SecretDiscovery
{
    public const string SecretsFolder = "secrets";

    public static string SecretsDirectory(Model.Workspace workspace) =>
        Path.Combine(workspace.RootPath, workspace.Settings.ArtifactsRoot, SecretsFolder);

    /// <summary>The secrets ordered by name.</summary>
    public static IReadOnlyList<WorkspaceSecret> Discover(Model.Workspace workspace)
    {
        var directory = SecretsDirectory(workspace);
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = false,
        };
        var byName = new SortedDictionary<string, WorkspaceSecret>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*", options))
        {
            var fileName = Path.GetFileName(file);
            if (fileName is ".gitignore" or WorkspaceSecret.Extension || InterruptedWrite().IsMatch(fileName))
            {
                continue;
            }

            var plaintext = file.EndsWith(WorkspaceSecret.Extension, StringComparison.Ordinal) ? file[..^WorkspaceSecret.Extension.Length] : file;
            var name = Path.GetRelativePath(directory, plaintext).Replace(Path.DirectorySeparatorChar, '/');
            byName.TryAdd(name, new WorkspaceSecret(name, plaintext));
        }

        return [.. byName.Values];
    }

    // AgeFile writes ".<name>.<32 hex>.tmp" beside the destination and renames it.
    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$")]
    internal static partial Regex InterruptedWrite();
}
