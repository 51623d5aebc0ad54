using System.Text.RegularExpressions;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// Finds the secrets of a workspace: every regular file below <c>&lt;artifacts root&gt;/secrets/</c>, a
/// plaintext <c>X</c> and its <c>X.age</c> counting as one secret. Symbolic links are not followed (they
/// may point anywhere); <c>.gitignore</c> files and temporary files of an interrupted write are not secrets.
/// Polycrate's <c>secrets.poly</c> beside workspace.poly is one more secret (<see cref="SecretsFileName"/>), so
/// encrypt, decrypt, status and rekey handle it like the files; runs read it through the loader, not as a file.
/// </summary>
internal static partial class SecretDiscovery
{
    public const string SecretsFolder = "secrets";

    /// <summary>Name of the workspace's <c>secrets.poly</c> among the secrets (its path is the workspace root's file).</summary>
    public const string SecretsFileName = "secrets.poly";

    public static string SecretsDirectory(Model.Workspace workspace) =>
        Path.Combine(workspace.RootPath, workspace.Settings.ArtifactsRoot, SecretsFolder);

    /// <summary>The secrets ordered by name.</summary>
    public static IReadOnlyList<WorkspaceSecret> Discover(Model.Workspace workspace)
    {
        var directory = SecretsDirectory(workspace);
        var secretsFile = new WorkspaceSecret(SecretsFileName, Path.Combine(workspace.RootPath, SecretsFileName));
        IReadOnlyList<WorkspaceSecret> workspaceFile = secretsFile.HasPlaintext || secretsFile.HasCiphertext ? [secretsFile] : [];
        if (!Directory.Exists(directory))
        {
            return workspaceFile;
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

        return [.. workspaceFile, .. byName.Values];
    }

    // AgeFile writes ".<name>.<32 hex>.tmp" beside the destination and renames it.
    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp$")]
    internal static partial Regex InterruptedWrite();
}
