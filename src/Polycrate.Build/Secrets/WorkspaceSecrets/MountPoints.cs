namespace Polycrate.Build.Secrets.WorkspaceSecrets;

/// <summary>
/// The mount-point files a run makes the container engine create in the workspace. A read-only bind mount of a
/// decrypted secret onto <c>/workspace/artifacts/secrets/&lt;name&gt;</c> needs a file at that path, and the engine
/// creates an empty one on the host when there is none. The paths are recorded in the private run directory
/// (<see cref="FileName"/>, one absolute path per line) before the container starts; the run removes them when it
/// ends, and <c>OrphanReaper</c> removes them when the run's process was killed. Only files that are still empty are
/// removed, so a secret someone wrote there since is never touched.
/// </summary>
internal static class MountPoints
{
    public const string FileName = "mount-points";

    /// <summary>Writes the record into <paramref name="directory"/> (0600).</summary>
    public static async Task RecordAsync(string directory, IReadOnlyList<string> paths, CancellationToken ct)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(Path.Combine(directory, FileName), options);
        await using var writer = new StreamWriter(stream);
        foreach (var path in paths)
        {
            await writer.WriteLineAsync(path.AsMemory(), ct);
        }
    }

    /// <summary>Removes the still-empty files listed in <paramref name="recordFile"/>; returns the removed paths.</summary>
    public static IReadOnlyList<string> RemoveLeftovers(string recordFile)
    {
        if (!File.Exists(recordFile))
        {
            return [];
        }

        return File.ReadAllLines(recordFile).Where(l => l.Length > 0 && RemoveIfEmpty(l)).ToList();
    }

    /// <summary>Deletes <paramref name="path"/> when it is an empty regular file (not a link); true when deleted.</summary>
    public static bool RemoveIfEmpty(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.LinkTarget is not null || file.Length != 0)
        {
            return false;
        }

        try
        {
            file.Delete();
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Still a mount point of a running container (EBUSY on some systems): the next command tries again.
            return false;
        }
    }
}
