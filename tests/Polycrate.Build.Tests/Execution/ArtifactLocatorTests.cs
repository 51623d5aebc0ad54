using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Model;
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

        // Nothing exists yet: a block without links gets none, a block whose links lead nowhere gets an error.
        Assert.Null(locator.Inventory(ws.FindBlock("infra")!));
        Assert.Equal(DiagnosticCodes.ArtifactLinkMissing, Assert.Throws<WorkspaceException>(() => locator.Inventory(ws.FindBlock("app")!)).Code);
        Assert.Equal(DiagnosticCodes.ArtifactLinkMissing, Assert.Throws<WorkspaceException>(() => locator.Kubeconfig(ws.FindBlock("app")!)).Code);

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

        // A configured file name that does not exist is an error, never the workspace inventory.
        Assert.Throws<WorkspaceException>(() => locator.Inventory(ws.FindBlock("lonely")!));
        workspace.Write("artifacts/blocks/lonely/hosts.yml", "all: {}\n");
        Assert.Equal(workspace.PathOf("artifacts/blocks/lonely/hosts.yml"), locator.Inventory(ws.FindBlock("lonely")!));
    }

    [Fact]
    public async Task From_naming_the_block_itself_means_its_own_artifacts_and_path_is_honoured()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: hcloud
                inventory: {from: hcloud}
                kubeconfig: {from: hcloud}
                actions: [{name: run, script: [echo]}]
              - name: legacy
                inventory: {path: /workspace/custom/hosts.yml}
                kubeconfig: {path: custom/kube.yml}
                actions: [{name: run, script: [echo]}]
            """);
        workspace.Write("inventory.yml", "all: {}\n");
        var ws = (await workspace.LoadAsync()).Workspace;
        var locator = new ArtifactLocator(ws, new PathMapper(ws, onHost: false));

        // Its own inventory is missing: an error at the link (not the workspace inventory, not /etc/ansible/hosts).
        var error = Assert.Throws<WorkspaceException>(() => locator.Inventory(ws.FindBlock("hcloud")!));
        Assert.Equal(DiagnosticCodes.ArtifactLinkMissing, error.Code);
        Assert.Equal(2, error.ExitCode);
        Assert.Equal(workspace.PathOf("workspace.poly"), error.Location!.File);
        Assert.Equal(4, error.Location.Line);
        Assert.Contains("artifacts/blocks/hcloud/inventory.yml does not exist", error.Message, StringComparison.Ordinal);

        workspace.Write("artifacts/blocks/hcloud/inventory.yml", "all: {}\n");
        workspace.Write("artifacts/blocks/hcloud/kubeconfig.yml", "k\n");
        Assert.Equal(workspace.PathOf("artifacts/blocks/hcloud/inventory.yml"), locator.Inventory(ws.FindBlock("hcloud")!));
        Assert.Equal(workspace.PathOf("artifacts/blocks/hcloud/kubeconfig.yml"), locator.Kubeconfig(ws.FindBlock("hcloud")!));

        Assert.Contains("inventory.path '/workspace/custom/hosts.yml'", Assert.Throws<WorkspaceException>(() => locator.Inventory(ws.FindBlock("legacy")!)).Message, StringComparison.Ordinal);
        workspace.Write("custom/hosts.yml", "all: {}\n");
        workspace.Write("custom/kube.yml", "k\n");
        Assert.Equal(workspace.PathOf("custom/hosts.yml"), locator.Inventory(ws.FindBlock("legacy")!));
        Assert.Equal(workspace.PathOf("custom/kube.yml"), locator.Kubeconfig(ws.FindBlock("legacy")!));
    }

    [Fact]
    public async Task The_workspace_inventory_and_kubeconfig_path_may_be_a_container_path()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\ninventory: {path: /workspace/hosts/prod.yml}\nkubeconfig: {path: kube/config.yml}\nblocks:\n  - name: app\n    actions: [{name: run, script: [echo]}]\n");
        workspace.Write("hosts/prod.yml", "all: {}\n");
        workspace.Write("kube/config.yml", "k\n");
        var load = await workspace.LoadAsync();
        var ws = load.Workspace;
        var locator = new ArtifactLocator(ws, new PathMapper(ws, onHost: false));

        Assert.Empty(load.Warnings);
        Assert.Equal(workspace.PathOf("hosts/prod.yml"), locator.Inventory(ws.FindBlock("app")!));
        Assert.Equal(workspace.PathOf("kube/config.yml"), locator.Kubeconfig(ws.FindBlock("app")!));
    }
}
