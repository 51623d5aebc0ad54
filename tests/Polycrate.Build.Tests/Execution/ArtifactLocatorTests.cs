using Polycrate.Build.Execution;
using Polycrate.Build.Snapshots;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Execution;

/// <summary>Inventory and kubeconfig lookup in the order of polycrate.md §6.6, plus the newer artifacts/secrets/kubeconfig.yml.</summary>
public sealed class ArtifactLocatorTests
{
    private const string Workspace = """
        name: ws
        blocks:
          - name: cluster
            actions: [{name: create, script: [echo]}]
          - name: infra
            actions: [{name: provision, script: [echo]}]
          - name: app
            kubeconfig: {from: cluster}
            inventory: {from: infra}
            actions: [{name: deploy, script: [echo]}]
          - name: lonely
            inventory: {filename: hosts.yml}
            actions: [{name: run, script: [echo]}]
        """;

    [Fact]
    public async Task Falls_back_from_block_artifacts_to_the_workspace_files_and_follows_from()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Workspace);
        var ws = (await workspace.LoadAsync()).Workspace;
        var locator = new ArtifactLocator(ws, new PathMapper(ws, onHost: false));

        Assert.Null(locator.Inventory(ws.FindBlock("app")!));
        Assert.Null(locator.Kubeconfig(ws.FindBlock("app")!));

        workspace.Write("inventory.yml", "all: {}\n");
        workspace.Write("artifacts/blocks/k8s/kubeconfig.yml", "2025 location\n");
        Assert.Equal(workspace.PathOf("inventory.yml"), locator.Inventory(ws.FindBlock("app")!));
        Assert.Equal(workspace.PathOf("artifacts/blocks/k8s/kubeconfig.yml"), locator.Kubeconfig(ws.FindBlock("app")!));

        workspace.Write("artifacts/secrets/kubeconfig.yml", "newer location wins\n");
        Assert.Equal(workspace.PathOf("artifacts/secrets/kubeconfig.yml"), locator.Kubeconfig(ws.FindBlock("app")!));

        // A provisioning block writes its artifacts; consumers take them with inventory.from / kubeconfig.from.
        workspace.Write("artifacts/blocks/infra/inventory.yml", "all: {}\n");
        workspace.Write("artifacts/blocks/cluster/kubeconfig.yml", "cluster\n");
        Assert.Equal(workspace.PathOf("artifacts/blocks/infra/inventory.yml"), locator.Inventory(ws.FindBlock("app")!));
        Assert.Equal(workspace.PathOf("artifacts/blocks/cluster/kubeconfig.yml"), locator.Kubeconfig(ws.FindBlock("app")!));

        workspace.Write("artifacts/blocks/lonely/hosts.yml", "all: {}\n");
        Assert.Equal(workspace.PathOf("artifacts/blocks/lonely/hosts.yml"), locator.Inventory(ws.FindBlock("lonely")!));
    }
}
