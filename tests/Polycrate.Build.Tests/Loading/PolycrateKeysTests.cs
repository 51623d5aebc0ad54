using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>Issue 9.8: keys Polycrate's own files carry load without warnings; a follow-up error is not printed twice.</summary>
public sealed class PolycrateKeysTests
{
    [Fact]
    public async Task PolyHub_metadata_and_computed_inventory_and_kubeconfig_paths_are_known_keys()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            inventory: {filename: inventory.yml, path: /workspace/inventory.yml}
            kubeconfig: {filename: kubeconfig.yml, path: /workspace/kubeconfig.yml}
            """);
        workspace.Write("blocks/harbor/block.poly", """
            name: harbor
            version: 0.1.0
            display_name: Harbor
            icon_url: https://example.invalid/harbor.svg
            license: Apache-2.0
            license_url: https://www.apache.org/licenses/LICENSE-2.0
            website_url: https://goharbor.io
            documentation_url: https://goharbor.io/docs
            git_repository_url: https://github.com/goharbor/harbor
            supports_ha: true
            inventory: {path: /workspace/artifacts/blocks/harbor/inventory.yml, localpath: /tmp/x, containerpath: /workspace/x}
            kubeconfig: {path: /workspace/artifacts/blocks/harbor/kubeconfig.yml}
            actions: [{name: install, script: [true]}]
            """);

        var result = await workspace.LoadAsync(strict: true);

        Assert.Empty(result.Warnings);
        Assert.NotNull(result.Workspace.FindBlock("harbor"));
    }

    [Fact]
    public async Task A_typo_next_to_them_is_still_reported()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/harbor/block.poly", "name: harbor\ndisplay_nmae: Harbor\n");

        var warning = Assert.Single((await workspace.LoadAsync()).Warnings);

        Assert.Equal(DiagnosticCodes.UnknownKey, warning.Code);
        Assert.Contains("display_name", warning.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_a_block_whose_parent_is_missing_reports_only_the_missing_parent()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: cluster
                from: base-cluster
              - name: app
                kubeconfig: {from: cluster}
                inventory: {from: cluster}
                actions: [{name: deploy, script: [true]}]
            """);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var only = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.ParentMissing, only.Code);
    }
}
