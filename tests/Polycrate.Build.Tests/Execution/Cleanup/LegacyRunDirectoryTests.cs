using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Execution.Cleanup;
using Polycrate.Build.PrivateRuns;

namespace Polycrate.Build.Tests.Execution.Cleanup;

/// <summary>
/// Issue 12 item 1 for older versions: their private run directories <c>/tmp/polycrate-build/&lt;txid&gt;</c> carry no owner
/// record; decrypted secrets of a killed run must still go — but never another user's folder, a folder that is not a
/// run's, one that was written recently, or one whose transaction still has a container.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LegacyRunDirectoryTests : IDisposable
{
    private static readonly DateTime Now = DateTime.UtcNow;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pcb-legacy-" + Guid.NewGuid().ToString("N")[..12], "polycrate-build");

    public void Dispose()
    {
        var parent = Path.GetDirectoryName(_root)!;
        if (Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void An_abandoned_run_directory_of_ours_goes_with_its_secrets_recent_and_foreign_names_stay()
    {
        var abandoned = Legacy(Guid.NewGuid().ToString(), age: TimeSpan.FromHours(3));
        var recent = Legacy(Guid.NewGuid().ToString(), age: TimeSpan.FromMinutes(5));
        var notARun = Legacy("my-notes", age: TimeSpan.FromHours(3));
        // A step written recently inside an otherwise old directory: an old-version run still going.
        var busy = Legacy(Guid.NewGuid().ToString(), age: TimeSpan.FromHours(3));
        File.SetLastWriteTimeUtc(Path.Combine(busy, "action_app_use", "snapshot.yml"), Now.AddMinutes(-1));

        var removed = LegacyRunDirectories.Sweep(_root, new HashSet<string>(), Now);

        Assert.Equal(abandoned, Assert.Single(removed));
        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(recent));
        Assert.True(Directory.Exists(notARun));
        Assert.True(Directory.Exists(busy));
    }

    [Fact]
    public void A_directory_whose_transaction_still_has_a_container_stays()
    {
        var txid = Guid.NewGuid().ToString();
        var directory = Legacy(txid, age: TimeSpan.FromHours(3));

        Assert.Empty(LegacyRunDirectories.Sweep(_root, new HashSet<string> { txid }, Now));
        Assert.True(Directory.Exists(directory));
    }

    [Fact]
    public void Another_users_directory_stays_even_when_empty_and_old()
    {
        if (UnixFileOwner.CurrentUserId != 0)
        {
            // Without root no folder of another user can be made here; check the primitive the rule rests on instead.
            Assert.Equal(0u, UnixFileOwner.Of("/"));
            Assert.False(UnixFileOwner.IsOurs("/"));
            return;
        }

        var foreign = Legacy(Guid.NewGuid().ToString(), age: TimeSpan.FromHours(3));
        Directory.Delete(Path.Combine(foreign, "action_app_use"), recursive: true);
        Run("chown", "65534:65534", foreign);
        Directory.SetLastWriteTimeUtc(foreign, Now.AddHours(-3));
        var ours = Legacy(Guid.NewGuid().ToString(), age: TimeSpan.FromHours(3));

        var removed = LegacyRunDirectories.Sweep(_root, new HashSet<string>(), Now);

        Assert.Equal(65534u, UnixFileOwner.Of(foreign));
        Assert.Equal(ours, Assert.Single(removed));
        Assert.True(Directory.Exists(foreign));
        Assert.True(Directory.Exists(_root)); // not empty: the foreign folder is in it
    }

    [Fact]
    public void A_linked_legacy_root_or_run_directory_is_not_followed()
    {
        var target = Legacy(Guid.NewGuid().ToString(), age: TimeSpan.FromHours(3));
        var link = Path.Combine(_root, Guid.NewGuid().ToString());
        Directory.CreateSymbolicLink(link, target);
        File.SetLastWriteTimeUtc(Path.Combine(target, "action_app_use", "snapshot.yml"), Now); // keeps the target itself

        Assert.Empty(LegacyRunDirectories.Sweep(_root, new HashSet<string>(), Now));
        Assert.True(File.Exists(Path.Combine(target, "action_app_use", "secrets", "token")));
    }

    [Fact]
    public async Task The_orphan_reaper_removes_an_abandoned_directory_in_the_real_legacy_root()
    {
        Directory.CreateDirectory(LegacyRunDirectories.Root);
        var directory = Path.Combine(LegacyRunDirectories.Root, Guid.NewGuid().ToString());
        try
        {
            Populate(directory, TimeSpan.FromHours(2));

            await new OrphanReaper(NullLogger.Instance).ReapRunDirectoriesAsync([], default);

            Assert.False(Directory.Exists(directory));
        }
        finally
        {
            RunDirectories.TryDelete(directory);
        }
    }

    /// <summary>A run directory as versions before the per-user root left it: 0700, a step folder with a decrypted secret and a snapshot.</summary>
    private string Legacy(string name, TimeSpan age)
    {
        var directory = Path.Combine(_root, name);
        Populate(directory, age);
        return directory;
    }

    private static void Populate(string directory, TimeSpan age)
    {
        var owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        Directory.CreateDirectory(Path.Combine(directory, "action_app_use", "secrets"), owner);
        File.WriteAllText(Path.Combine(directory, "action_app_use", "secrets", "token"), "decrypted-secret");
        File.WriteAllText(Path.Combine(directory, "action_app_use", "snapshot.yml"), "workspace: {}\n");
        var then = Now - age;
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).Reverse())
        {
            entry.LastWriteTimeUtc = then;
        }

        Directory.SetLastWriteTimeUtc(directory, then);
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(program, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
