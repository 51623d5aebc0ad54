using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.WorkspaceBlocks;

public class BlockPinTests
{
    private const string Repository = "registry.acme-corp.com/acme/iot/edge-ota";
    private static readonly string Digest = "sha256:" + new string('d', 64);

    private static async Task<BlockPin?> PinAsync(string from, string? installedVersion, bool locked)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", $"name: ws\nblocks:\n  - name: hall\n    from: {from}\n");
        workspace.Write("blocks/some-local-block/block.poly", "name: some-local-block\n");
        if (installedVersion is not null)
        {
            workspace.Write($"blocks/{Repository}/block.poly", $"name: {Repository}\nversion: {installedVersion}\n");
        }

        var lockFile = locked
            ? BlockLockFile.Empty.With(new BlockLockEntry(Repository, "1.0.0", Digest, Repository, "1.0.0", $"blocks/{Repository}"))
            : BlockLockFile.Empty;
        var loaded = await workspace.LoadAsync(allowMissing: true);
        return BlockPin.Of(loaded.Workspace, lockFile, from);
    }

    [Fact]
    public async Task Installed_locked_and_matching_version_is_ok()
    {
        var pin = await PinAsync($"{Repository}:1.0.0", "1.0.0", locked: true);

        Assert.Equal(new BlockPin($"{Repository}:1.0.0", "1.0.0", Digest, BlockPinStatus.Matches), pin);
        Assert.Equal("ok", pin!.Describe());
    }

    [Fact]
    public async Task Another_installed_version_is_a_mismatch_that_names_both_versions()
    {
        var pin = await PinAsync($"{Repository}:1.1.0", "1.0.0", locked: true);

        Assert.Equal(BlockPinStatus.VersionMismatch, pin!.Status);
        Assert.Contains("wants 1.1.0, 1.0.0 is installed", pin.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installed_without_lock_entry_and_not_installed_are_reported()
    {
        Assert.Equal(BlockPinStatus.NotLocked, (await PinAsync($"{Repository}:1.0.0", "1.0.0", locked: false))!.Status);
        Assert.Equal(BlockPinStatus.NotInstalled, (await PinAsync($"{Repository}:1.0.0", null, locked: false))!.Status);
    }

    [Fact]
    public async Task A_local_parent_has_no_pin() =>
        Assert.Null(await PinAsync("some-local-block", null, locked: false));
}
