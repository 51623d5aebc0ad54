using System.Text.RegularExpressions;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Execution.Cleanup;

/// <summary>
/// Temporary files and folders a killed command leaves in a workspace: partial secret files of an interrupted
/// encrypt/decrypt (<c>.&lt;name&gt;.&lt;hex&gt;.tmp</c> below the secrets folder), <c>blocks.lock.&lt;hex&gt;.tmp</c>, pull staging folders
/// (<c>.&lt;name&gt;.pull-&lt;pid&gt;-&lt;start&gt;-&lt;hex&gt;</c>), downloaded layers (<c>.layer-&lt;hex&gt;.tmp</c>) and empty
/// <c>blocks/&lt;registry&gt;/&lt;path&gt;</c> folders of a refused pull. A temporary file is removed only when no process
/// holds it open exclusively (its writer keeps an exclusive lock, which the kernel drops when the writer dies). The hidden
/// folders a pull or a delete makes beside a block (<see cref="TemporarySiblings"/>: staging, displaced old block, claimed
/// delete) go only when the process named in their name is gone; a displaced block whose replacement never got in place is
/// moved back. Nothing else is touched.
/// </summary>
internal static partial class WorkspaceLeftovers
{
    /// <summary>How long a temporary folder of an older version (no owner token in its name) must be untouched before it counts as abandoned.</summary>
    public static readonly TimeSpan LegacyQuietPeriod = TimeSpan.FromHours(1);

    /// <summary>Removes the leftovers of <paramref name="workspace"/> (and restores displaced blocks); safe to run from two commands at once.</summary>
    public static LeftoverSweep Sweep(Model.Workspace workspace)
    {
        var removed = new List<string>();
        var restored = new List<string>();
        var secrets = SecretDiscovery.SecretsDirectory(workspace);
        if (Directory.Exists(secrets))
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint };
            foreach (var file in Directory.EnumerateFiles(secrets, ".*.tmp", options))
            {
                if (SecretDiscovery.InterruptedWrite().IsMatch(Path.GetFileName(file)) && TryDeleteUnlocked(file))
                {
                    removed.Add(file);
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(workspace.RootPath, "blocks.lock.*.tmp"))
        {
            if (LockFileTemporary().IsMatch(Path.GetFileName(file)) && TryDeleteUnlocked(file))
            {
                removed.Add(file);
            }
        }

        var blocks = Path.Combine(workspace.RootPath, workspace.Settings.BlocksRoot);
        if (Directory.Exists(blocks))
        {
            SweepChildren(blocks, removed, restored);
            foreach (var top in Directory.EnumerateDirectories(blocks))
            {
                // Pulled blocks live at blocks/<registry host>/<path>: only there are empty folders a pull's leftovers.
                if (LooksLikeRegistryHost(Path.GetFileName(top)))
                {
                    Tolerate(() => RemoveEmptyFolders(top, removed));
                }
            }
        }

        return new LeftoverSweep(removed, restored);
    }

    private static void SweepBlocksFolder(string directory, List<string> removed, List<string> restored)
    {
        if (File.Exists(Path.Combine(directory, "block.poly")) || new DirectoryInfo(directory).LinkTarget is not null)
        {
            return;
        }

        SweepChildren(directory, removed, restored);
    }

    /// <summary>Layer files and temporary sibling folders (<see cref="TemporarySiblings"/>) in <paramref name="directory"/>, then its other folders.</summary>
    private static void SweepChildren(string directory, List<string> removed, List<string> restored)
    {
        foreach (var file in Directory.EnumerateFiles(directory, ".layer-*.tmp"))
        {
            if (LayerFile().IsMatch(Path.GetFileName(file)) && TryDeleteUnlocked(file))
            {
                removed.Add(file);
            }
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            if (TemporarySiblings.Parse(Path.GetFileName(child)) is { } sibling)
            {
                if (IsAbandoned(child, sibling))
                {
                    Tolerate(() => Dispose(child, sibling, removed, restored));
                }
            }
            else
            {
                // A concurrent sweep or pull may remove the folder under the walk: that part is then done.
                Tolerate(() => SweepBlocksFolder(child, removed, restored));
            }
        }
    }

    /// <summary>Its maker is gone; a folder of an older version (no owner in its name) only when untouched for <see cref="LegacyQuietPeriod"/>.</summary>
    private static bool IsAbandoned(string path, TemporarySibling sibling) =>
        sibling.Owner?.IsGone() ?? DateTime.UtcNow - Directory.GetLastWriteTimeUtc(path) > LegacyQuietPeriod;

    /// <summary>
    /// A displaced block whose replacement never arrived is moved back (the lock file still names it); every other
    /// leftover is deleted through <see cref="RunDirectories.TryDelete"/>, whose rename lets only one of two sweeps delete it.
    /// </summary>
    private static void Dispose(string path, TemporarySibling sibling, List<string> removed, List<string> restored)
    {
        var original = Path.Combine(Path.GetDirectoryName(path)!, sibling.Original);
        if (sibling.Kind == TemporarySiblingKind.Displaced && !Directory.Exists(original) && !File.Exists(original))
        {
            try
            {
                Directory.Move(path, original);
                restored.Add(original);
            }
            catch (IOException) when (Directory.Exists(original))
            {
                // A concurrent sweep restored it first.
            }
        }
        else if (Directory.Exists(path) && RunDirectories.TryDelete(path) is null)
        {
            removed.Add(path);
        }
    }

    private static void Tolerate(Action step)
    {
        try
        {
            step();
        }
        catch (DirectoryNotFoundException)
        {
            // Another sweep (or the pull that owned it) removed or moved the folder first.
        }
    }

    /// <summary>Removes folders below and including <paramref name="directory"/> that hold no file at any depth; true when it was removed.</summary>
    private static bool RemoveEmptyFolders(string directory, List<string> removed)
    {
        // A temporary sibling has its own rule: an empty one may be a live pull's staging folder or another sweep's claimed delete.
        if (new DirectoryInfo(directory).LinkTarget is not null || File.Exists(Path.Combine(directory, "block.poly"))
            || TemporarySiblings.Parse(Path.GetFileName(directory)) is not null)
        {
            return false;
        }

        var empty = true;
        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            empty &= RemoveEmptyFolders(child, removed);
        }

        if (!empty || Directory.EnumerateFileSystemEntries(directory).Any())
        {
            return false;
        }

        try
        {
            Directory.Delete(directory);
            removed.Add(directory);
            return true;
        }
        catch (IOException)
        {
            // Something was just created in it (a pull starting): it is not a leftover.
            return false;
        }
    }

    private static bool LooksLikeRegistryHost(string name) =>
        name == "localhost" || (name.Contains('.', StringComparison.Ordinal) && !name.StartsWith('.')) || name.Contains(':', StringComparison.Ordinal);

    /// <summary>Deletes <paramref name="path"/> unless a live process holds it open exclusively (flock on Unix, share mode on Windows).</summary>
    private static bool TryDeleteUnlocked(string path)
    {
        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
            }

            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^blocks\.lock\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex LockFileTemporary();

    [GeneratedRegex(@"^\.layer-[0-9a-f]{32}\.tmp$")]
    private static partial Regex LayerFile();

}
