using System.Text.RegularExpressions;

namespace Polycrate.Build.PrivateRuns;

/// <summary>What a temporary sibling folder is for.</summary>
internal enum TemporarySiblingKind
{
    /// <summary><c>.&lt;name&gt;.pull-…</c>: a block being extracted before it is moved into place.</summary>
    PullStaging,

    /// <summary><c>.&lt;name&gt;.old-…</c>: the block a pull replaces, moved aside until the new one is in place.</summary>
    Displaced,

    /// <summary><c>.&lt;name&gt;.removing-…</c>: a folder claimed for deletion (<see cref="RunDirectories.TryDelete"/>).</summary>
    Removing,
}

/// <summary>A parsed temporary sibling name: its kind, the name it stands beside, and the process that made it (null for names of older versions).</summary>
internal sealed record TemporarySibling(TemporarySiblingKind Kind, string Original, ProcessOwner? Owner);

/// <summary>
/// The one definition of the hidden folders the engine renames or stages beside a real one:
/// <c>.&lt;name&gt;.&lt;kind&gt;-&lt;pid&gt;-&lt;start&gt;-&lt;32 hex&gt;</c>. The writers (block pull, swap, claimed deletes) make
/// their names here and the sweeps (<c>Execution.Cleanup</c>) parse them here, so every name a killed command can leave is
/// recognised. The owner token says whether the process that made the folder still runs; names of older versions carry
/// only the hex part (<c>.&lt;name&gt;.removing-&lt;hex&gt;</c>, <c>.&lt;name&gt;.old-&lt;hex&gt;</c>) and parse with no owner.
/// </summary>
internal static partial class TemporarySiblings
{
    /// <summary>A new name beside <paramref name="path"/> of <paramref name="kind"/>, owned by this process (full path).</summary>
    public static string Create(string path, TemporarySiblingKind kind) => Create(path, kind, ProcessOwner.Current);

    /// <summary>The same for another owner (tests make the names a killed process leaves).</summary>
    internal static string Create(string path, TemporarySiblingKind kind, ProcessOwner owner)
    {
        var full = Path.TrimEndingDirectorySeparator(path);
        var name = $".{Path.GetFileName(full)}.{Word(kind)}-{owner.Token}-{Guid.NewGuid():N}";
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", name);
    }

    /// <summary>The parsed name, or null when <paramref name="fileName"/> is not one made here.</summary>
    public static TemporarySibling? Parse(string fileName)
    {
        var match = Current().Match(fileName);
        if (match.Success)
        {
            return ProcessOwner.FromToken(match.Groups["owner"].Value) is { } owner
                ? new TemporarySibling(Kind(match.Groups["kind"].Value), match.Groups["original"].Value, owner)
                : null;
        }

        match = Legacy().Match(fileName);
        return match.Success ? new TemporarySibling(Kind(match.Groups["kind"].Value), match.Groups["original"].Value, null) : null;
    }

    private static string Word(TemporarySiblingKind kind) => kind switch
    {
        TemporarySiblingKind.PullStaging => "pull",
        TemporarySiblingKind.Displaced => "old",
        _ => "removing",
    };

    private static TemporarySiblingKind Kind(string word) => word switch
    {
        "pull" => TemporarySiblingKind.PullStaging,
        "old" => TemporarySiblingKind.Displaced,
        _ => TemporarySiblingKind.Removing,
    };

    [GeneratedRegex(@"^\.(?<original>.+)\.(?<kind>pull|old|removing)-(?<owner>[0-9]+-[0-9]+)-[0-9a-f]{32}$")]
    private static partial Regex Current();

    [GeneratedRegex(@"^\.(?<original>.+)\.(?<kind>old|removing)-[0-9a-f]{32}$")]
    private static partial Regex Legacy();
}
