using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Execution.SharedContainers;

/// <summary>
/// A step's private files (snapshot, vars plugin, key copy, extra vars) staged into a shared container's own private
/// directory, whose files the container has bind-mounted at the paths a container of its own would have. Files are
/// rewritten in place: a bind-mounted file keeps pointing at the inode it was created with.
/// </summary>
internal static class StepFiles
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Copies every private mount source of <paramref name="launch"/> to the same relative path below <paramref name="directory"/>.</summary>
    public static async Task StageAsync(ActionLaunch launch, string directory, CancellationToken cancellationToken)
    {
        foreach (var (source, target) in Pairs(launch, directory))
        {
            if (Directory.Exists(source))
            {
                PrivateDirectory.Create(directory, target);
                foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
                {
                    await CopyInPlaceAsync(file, Path.Combine(target, Path.GetRelativePath(source, file)), directory, cancellationToken);
                }
            }
            else
            {
                await CopyInPlaceAsync(source, target, directory, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Empties every staged file (they may hold secrets) without removing it, so the mounts stay valid for the next step;
    /// the warm-start directory (<see cref="WarmStart"/>: the zygote's source and sockets, no step data) is left alone.
    /// </summary>
    public static void Clear(string directory)
    {
        var warm = Path.Combine(directory, WarmStart.DirectoryName) + Path.DirectorySeparatorChar;
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            if (file.StartsWith(warm, StringComparison.Ordinal))
            {
                continue;
            }

            if (!File.GetAttributes(file).HasFlag(FileAttributes.ReparsePoint) && new FileInfo(file).Length > 0)
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
                stream.SetLength(0);
            }
        }
    }

    /// <summary>The mount as the shared container gets it: private sources moved to <paramref name="directory"/>.</summary>
    public static Model.MountEntry Staged(ActionLaunch launch, Model.MountEntry mount, string directory) =>
        SharedContainerKey.PrivateRelativePath(launch.PrivateDirectory!, mount.HostPath) is { } relative
            ? mount with { HostPath = Path.Combine(directory, relative) }
            : mount;

    private static IEnumerable<(string Source, string Target)> Pairs(ActionLaunch launch, string directory) =>
        launch.Mounts
            .Select(m => (m.HostPath, Relative: SharedContainerKey.PrivateRelativePath(launch.PrivateDirectory!, m.HostPath)))
            .Where(m => m.Relative is not null)
            .Select(m => (m.HostPath, Path.Combine(directory, m.Relative!)));

    private static async Task CopyInPlaceAsync(string source, string target, string root, CancellationToken cancellationToken)
    {
        PrivateDirectory.Create(root, Path.GetDirectoryName(target)!);
        var content = await File.ReadAllBytesAsync(source, cancellationToken);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        await using var stream = new FileStream(target, options);
        stream.SetLength(0);
        await stream.WriteAsync(content, cancellationToken);
    }
}
