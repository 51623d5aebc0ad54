using Polycrate.Build.Diagnostics;
using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Registry;

/// <summary>Issue 9.9: <c>blocks uninstall NAME [--prune]</c>.</summary>
public sealed class BlockUninstallerTests
{
    private const string Digest = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    [Fact]
    public async Task Removes_the_directory_the_pin_and_with_prune_the_artifacts()
    {
        using var temp = new TempWorkspace();
        temp.Write("workspace.poly", "name: ws\nblocks:\n  - name: cluster\n    from: ayedo/hcloud/k8s\n");
        temp.Write("blocks/cargo.ayedo.cloud/ayedo/hcloud/k8s/block.poly", "name: k8s\nversion: 1.0.0\n");
        temp.Write("artifacts/blocks/k8s/kubeconfig.yml", "x");
        await BlockLockFile.Empty.With(new BlockLockEntry("cargo.ayedo.cloud/ayedo/hcloud/k8s", "1.0.0", Digest, "k8s", "1.0.0",
            "blocks/cargo.ayedo.cloud/ayedo/hcloud/k8s")).WriteAsync(temp.Root, default);
        var workspace = (await temp.LoadAsync()).Workspace;

        // The instance shares its parent's directory: uninstalling it would delete the parent, so it is refused.
        var refused = await Assert.ThrowsAsync<NotFoundException>(() => BlockUninstaller.UninstallAsync(workspace, "cluster", prune: false, force: false, default));
        Assert.Contains("instance", refused.Message, StringComparison.Ordinal);

        var removed = await BlockUninstaller.UninstallAsync(workspace, "k8s", prune: true, force: false, default);

        Assert.Equal(["blocks/cargo.ayedo.cloud/ayedo/hcloud/k8s", "artifacts/blocks/k8s"], removed);
        Assert.False(Directory.Exists(temp.PathOf("blocks/cargo.ayedo.cloud/ayedo/hcloud/k8s")));
        Assert.Empty((await BlockLockFile.LoadAsync(temp.Root, default)).Blocks);
        Assert.Single((await temp.LoadAsync(allowMissing: true)).Workspace.MissingBlocks);
    }

    [Fact]
    public async Task A_block_that_was_not_pulled_is_kept_unless_forced()
    {
        using var temp = new TempWorkspace();
        temp.Write("workspace.poly", "name: ws\n");
        temp.Write("blocks/mine/block.poly", "name: mine\nactions: [{name: go, script: [echo]}]\n");
        temp.Write("blocks/mine/deploy.yml", "- hosts: all\n");
        temp.Write("blocks/registry.acme.example/acme/old/block.poly", "name: old\n");
        var workspace = (await temp.LoadAsync()).Workspace;

        // A hand-written block: its files exist nowhere else; nothing is deleted.
        var refused = await Assert.ThrowsAsync<UninstallRefusedException>(() => BlockUninstaller.UninstallAsync(workspace, "mine", prune: false, force: false, default));
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("PCB2005", refused.Code);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.PathOf("blocks/mine/deploy.yml")));

        // Installed by Polycrate (below a registry host, no blocks.lock): removed as before; a forced local one too.
        Assert.Equal(["blocks/registry.acme.example/acme/old"], await BlockUninstaller.UninstallAsync(workspace, "old", prune: false, force: false, default));
        Assert.Equal(["blocks/mine"], await BlockUninstaller.UninstallAsync(workspace, "mine", prune: false, force: true, default));
        Assert.False(Directory.Exists(temp.PathOf("blocks/mine")));
    }
}
