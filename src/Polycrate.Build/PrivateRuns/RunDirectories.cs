namespace Polycrate.Build.PrivateRuns;

/// <summary>
/// Creates the private directories of runs and temporary file sets below <see cref="PrivateRunRoot"/>: 0700, with a
/// <see cref="RunRecord"/> (0600) naming the owning process, so the orphan reaper (<c>Execution.Cleanup.OrphanReaper</c>) can remove the directory of
/// a process that was killed (decrypted secrets, snapshots, layers) without touching one that still runs.
/// </summary>
internal static class RunDirectories
{
    /// <summary>A new private directory named after <paramref name="record"/>'s transaction id; returns its path.</summary>
    public static string Create(RunRecord record)
    {
        var path = PrivateRunRoot.CreateDirectory(record.TransactionId);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(Path.Combine(path, RunRecord.FileName), options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(record.ToJson());
        }

        return path;
    }

    /// <summary>A private scratch directory of this process (no workspace run), e.g. for a layer or a re-encryption.</summary>
    public static string CreateScratch(string purpose) =>
        Create(RunRecord.ForCurrentProcess($"{purpose}-{Guid.NewGuid():N}"));

    /// <summary>
    /// Removes a directory created here; a failure is returned as a message, never thrown (clean-up must not hide a
    /// result). The directory is first renamed to a hidden sibling, so when two commands reap the same directory only
    /// one deletes it (two recursive deletes of one tree each stop at the other's removals and leave it half there);
    /// its <see cref="RunRecord"/> goes last, so a delete cut short is still reaped as its dead owner's. The hidden name
    /// carries this process's owner token (<see cref="TemporarySiblings"/>), so a sweep finishes the delete once we are gone.
    /// </summary>
    public static string? TryDelete(string path)
    {
        var claimed = TemporarySiblings.Create(path, TemporarySiblingKind.Removing);
        try
        {
            Directory.Move(path, claimed);
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            claimed = path;
        }

        try
        {
            foreach (var entry in new DirectoryInfo(claimed).EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo { LinkTarget: null } directory)
                {
                    directory.Delete(recursive: true);
                }
                else if (entry.Name != RunRecord.FileName)
                {
                    entry.Delete();
                }
            }

            Directory.Delete(claimed, recursive: true);
            return null;
        }
        catch (DirectoryNotFoundException) when (!Directory.Exists(claimed))
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
