using Polycrate.Build.PrivateRuns;

namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>Directories only the current user can enter (0700 on Unix), for decrypted secrets outside the workspace.</summary>
internal static class PrivateDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// A new private directory of this process below the per-user run folder (0700, with an owner record), so the next
    /// command removes it when this process is killed while plaintext is in it.
    /// </summary>
    public static string CreateTemporary(string prefix) => RunDirectories.CreateScratch(prefix.TrimEnd('-'));

    /// <summary>Creates <paramref name="root"/> if missing and <paramref name="path"/> with its missing parents below it, each new one 0700.</summary>
    public static void Create(string root, string path)
    {
        CreateOne(root);
        var relative = Path.GetRelativePath(root, path);
        var current = root;
        foreach (var part in relative == "." ? [] : relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            CreateOne(current);
        }
    }

    private static void CreateOne(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnly);
        }
    }
}
