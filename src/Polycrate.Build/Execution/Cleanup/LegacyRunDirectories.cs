using Polycrate.Build.PrivateRuns;

namespace Polycrate.Build.Execution.Cleanup;

/// <summary>
/// Private run directories of versions before the per-user <see cref="PrivateRunRoot"/>:
/// <c>&lt;temp&gt;/polycrate-build/&lt;txid&gt;</c> (0700, decrypted secrets and snapshots of runs that were killed).
/// They carry no owner record, so one is removed only when it is certainly a stale run of ours: its name is a
/// transaction id (a GUID), it is a real folder (not a link) owned by this user, no container of that transaction
/// is still known to the engine, and nothing in it was written for <see cref="QuietPeriod"/> (a run of an older
/// version still going writes a snapshot per step). Another user's folder is never touched, even an empty one.
/// </summary>
internal static class LegacyRunDirectories
{
    /// <summary>How long a legacy directory must have been left unchanged before it counts as abandoned.</summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromHours(1);

    /// <summary>Entries looked at per directory to find its newest change; a larger tree counts as in use and stays.</summary>
    private const int MaxEntriesInspected = 10_000;

    /// <summary>The legacy root, <c>&lt;temp&gt;/polycrate-build</c> (shared by all users of the machine).</summary>
    public static string Root => Path.Combine(Path.GetTempPath(), "polycrate-build");

    /// <summary>
    /// Removes the abandoned legacy directories of this user; returns their paths. <paramref name="activeTransactions"/> are
    /// transaction ids whose containers the engine still lists; <paramref name="now"/> is the current UTC time.
    /// Removes the legacy root too when it is then empty and ours.
    /// </summary>
    public static IReadOnlyList<string> Sweep(IReadOnlySet<string> activeTransactions, DateTime now) => Sweep(Root, activeTransactions, now);

    /// <summary>The same for the legacy root <paramref name="root"/> (tests use their own).</summary>
    internal static IReadOnlyList<string> Sweep(string root, IReadOnlySet<string> activeTransactions, DateTime now)
    {
        var removed = new List<string>();
        if (!Directory.Exists(root) || new DirectoryInfo(root).LinkTarget is not null)
        {
            return removed;
        }

        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var directory in Directory.EnumerateDirectories(root, "*", options).ToList())
        {
            var name = Path.GetFileName(directory);
            if (TemporarySiblings.Parse(name) is { Kind: TemporarySiblingKind.Removing, Owner: { } remover })
            {
                if (!UnixFileOwner.IsOurs(directory))
                {
                    continue;
                }

                // A delete of ours that was cut short: finish it once the process that claimed it is gone.
                if (remover.IsGone() && RunDirectories.TryDelete(directory) is null)
                {
                    removed.Add(directory);
                }

                continue;
            }

            if (!Guid.TryParse(name, out _) || activeTransactions.Contains(name) || !UnixFileOwner.IsOurs(directory)
                || now - NewestWrite(directory) < QuietPeriod)
            {
                continue;
            }

            if (RunDirectories.TryDelete(directory) is null)
            {
                removed.Add(directory);
            }
        }

        if (removed.Count > 0 && UnixFileOwner.IsOurs(root) && !Directory.EnumerateFileSystemEntries(root).Any())
        {
            try
            {
                Directory.Delete(root);
            }
            catch (IOException)
            {
                // Another process created a directory in it meanwhile.
            }
        }

        return removed;
    }

    /// <summary>The newest write time (UTC) of the directory and its entries; <see cref="DateTime.MaxValue"/> when it cannot be told.</summary>
    private static DateTime NewestWrite(string directory)
    {
        try
        {
            var newest = Directory.GetLastWriteTimeUtc(directory);
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
            var count = 0;
            foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", options))
            {
                if (++count > MaxEntriesInspected)
                {
                    return DateTime.MaxValue;
                }

                newest = entry.LastWriteTimeUtc > newest ? entry.LastWriteTimeUtc : newest;
            }

            return newest;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DateTime.MaxValue;
        }
    }
}
