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
        var refused = await Assert.ThrowsAsync<NotFoundException>(() => BlockUninstaller.UninstallAsync(workspace, "cluster", prune: false, default));
        Assert.Contains("instance", refused.Message, StringComparison.Ordinal);

        var removed = await BlockUninstaller.UninstallAsync(workspace, "k8s", prune: true, default);

        Assert.Equal(["blocks/cargo.ayedo.cloud/ayedo/hcloud/k8s", "artifacts/blocks/k8s"], removed);
        Assert.False(Directory.Exists(temp.PathOf("blocks/cargo.ayedo.cloud/ayedo/hcloud/k8s")));
        Assert.Empty((await BlockLockFile.LoadAsync(temp.Root, default)).Blocks);
        Assert.Single((await temp.LoadAsync(allowMissing: true)).Workspace.MissingBlocks);
    }
}
