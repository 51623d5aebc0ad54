using System.Diagnostics;

namespace Polycrate.Build.WorkspaceBlocks;

/// <summary>
/// An exclusive lock across processes on a lock file (opened with <see cref="FileShare.None"/>, which .NET implements
/// with <c>flock</c> on Unix): held while one process reads, changes and writes <c>blocks.lock</c> and the block folders,
/// so concurrent <c>blocks pull</c> runs into one workspace keep every entry. The kernel releases it when the process
/// dies, so a killed process never leaves the workspace locked. The lock file itself stays (removing it would race).
/// </summary>
internal sealed class WorkspaceFileLock : IDisposable
{
    /// <summary>Name of the lock file beside blocks.lock.</summary>
    public const string FileName = ".blocks.lock.lck";

    private static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    private readonly FileStream _file;

    private WorkspaceFileLock(FileStream file) => _file = file;

    /// <summary>Waits up to <paramref name="timeout"/> for the lock of the workspace at <paramref name="workspaceRoot"/>.</summary>
    /// <exception cref="WorkspaceLockException">Another process held it for longer than <paramref name="timeout"/>.</exception>
    public static async Task<WorkspaceFileLock> AcquireAsync(string workspaceRoot, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var path = Path.Combine(workspaceRoot, FileName);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new WorkspaceFileLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException e) when (IsHeldByAnother(e, path))
            {
                if (clock.Elapsed >= timeout)
                {
                    throw new WorkspaceLockException(path, timeout, e);
                }

                await Task.Delay(RetryInterval, cancellationToken);
            }
        }
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Only a lock held elsewhere is worth waiting for; a full disk or a missing folder is reported at once.</summary>
    private static bool IsHeldByAnother(IOException e, string path) =>
        e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
        && File.Exists(path)
        && (e.HResult == unchecked((int)0x80070020) || e.Message.Contains("being used by another process", StringComparison.Ordinal));
}
