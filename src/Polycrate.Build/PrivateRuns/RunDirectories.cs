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

    /// <summary>Removes a directory created here; a failure is returned as a message, never thrown (clean-up must not hide a result).</summary>
    public static string? TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }
}
