using System.Text.RegularExpressions;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Execution.Cleanup;

/// <summary>
/// Temporary files and folders a killed command leaves in a workspace: partial secret files of an interrupted
/// encrypt/decrypt (<c>.&lt;name&gt;.&lt;hex&gt;.tmp</c> below the secrets folder), <c>blocks.lock.&lt;hex&gt;.tmp</c>, pull staging folders
/// (<c>.&lt;name&gt;.pull-&lt;pid&gt;-&lt;start&gt;-&lt;hex&gt;</c>), downloaded layers (<c>.layer-&lt;hex&gt;.tmp</c>) and empty
/// <c>blocks/&lt;registry&gt;/&lt;path&gt;</c> folders of a refused pull. A temporary file is removed only when no process
/// holds it open exclusively (its writer keeps an exclusive lock, which the kernel drops when the writer dies); a
/// staging folder only when the process named in its name is gone. Nothing else is touched.
/// </summary>
internal static partial class WorkspaceLeftovers
{
    /// <summary>Removes the leftovers of <paramref name="workspace"/>; returns the removed paths.</summary>
    public static IReadOnlyList<string> Sweep(Model.Workspace workspace)
    {
        var removed = new List<string>();
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
            foreach (var top in Directory.EnumerateDirectories(blocks))
            {
                SweepBlocksFolder(top, removed);
                // Pulled blocks live at blocks/<registry host>/<path>: only there are empty folders a pull's leftovers.
                if (LooksLikeRegistryHost(Path.GetFileName(top)))
                {
                    RemoveEmptyFolders(top, removed);
                }
            }
        }

        return removed;
    }

    private static void SweepBlocksFolder(string directory, List<string> removed)
    {
        if (File.Exists(Path.Combine(directory, "block.poly")) || new DirectoryInfo(directory).LinkTarget is not null)
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, ".layer-*.tmp"))
        {
            if (LayerFile().IsMatch(Path.GetFileName(file)) && TryDeleteUnlocked(file))
            {
                removed.Add(file);
            }
        }

        foreach (var child in Directory.EnumerateDirectories(directory))
        {
            var match = StagingFolder().Match(Path.GetFileName(child));
            if (match.Success)
            {
                if (ProcessOwner.FromToken(match.Groups["owner"].Value) is { } owner && owner.IsGone() && RunDirectories.TryDelete(child) is null)
                {
                    removed.Add(child);
                }
            }
            else
            {
                SweepBlocksFolder(child, removed);
            }
        }
    }

    /// <summary>Removes folders below and including <paramref name="directory"/> that hold no file at any depth; true when it was removed.</summary>
    private static bool RemoveEmptyFolders(string directory, List<string> removed)
    {
        if (new DirectoryInfo(directory).LinkTarget is not null || File.Exists(Path.Combine(directory, "block.poly")))
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

    [GeneratedRegex(@"^\..+\.pull-(?<owner>[0-9]+-[0-9]+)-[0-9a-f]{32}$")]
    private static partial Regex StagingFolder();
}
