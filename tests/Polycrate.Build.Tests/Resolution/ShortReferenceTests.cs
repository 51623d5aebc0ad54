using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Resolution;

/// <summary>Block references as Polycrate users write them: registry paths without host, on the default registry (issue 9.6).</summary>
public sealed class ShortReferenceTests
{
    private const string Instance = "name: ws\nblocks:\n  - name: cluster\n    from: ayedo/hcloud/k8s\n    config: {nodes: 3}\n";

    private static void InstallK8s(TempWorkspace workspace, string directory, string name) =>
        workspace.Write($"blocks/{directory}/block.poly", $"name: {name}\nversion: 1.0.0\nconfig: {{nodes: 1, region: fsn1}}\nactions: [{{name: install, script: [true]}}]\n");

    [Theory]
    [InlineData("cargo.ayedo.cloud/ayedo/hcloud/k8s", "cargo.ayedo.cloud/ayedo/hcloud/k8s")]
    [InlineData("cargo.ayedo.cloud/ayedo/hcloud/k8s", "k8s")]
    [InlineData("cargo.ayedo.cloud/ayedo/hcloud/k8s", "ayedo/hcloud/k8s")]
    [InlineData("ayedo/hcloud/k8s", "ayedo/hcloud/k8s")]
    public async Task A_short_from_is_satisfied_by_the_block_installed_below_the_default_registry(string directory, string name)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Instance);
        InstallK8s(workspace, directory, name);

        var cluster = (await workspace.LoadAsync()).Workspace.FindBlock("cluster")!;

        Assert.Equal("3", cluster.Config["nodes"]!.ToString());
        Assert.Equal("fsn1", cluster.Config["region"]!.ToString());
        Assert.Equal("install", Assert.Single(cluster.Actions).Name);
    }

    [Fact]
    public async Task POLYCRATE_REGISTRY_URL_wins_over_the_workspace_setting_which_wins_over_the_built_in_default()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Instance);

        Assert.Equal("cargo.ayedo.cloud", (await workspace.LoadAsync(allowMissing: true)).Workspace.DefaultRegistry);
        workspace.Write("workspace.poly", Instance + "registry:\n  url: https://registry.acme.example/mirror/\n");
        var fromSetting = (await workspace.LoadAsync(allowMissing: true)).Workspace;
        Assert.Equal("registry.acme.example/mirror", fromSetting.DefaultRegistry);
        Assert.Equal("registry.acme.example/mirror/ayedo/hcloud/k8s", Assert.Single(fromSetting.MissingBlocks).Reference);

        var fromVariable = (await workspace.LoadAsync(allowMissing: true,
            environment: new Dictionary<string, string> { ["POLYCRATE_REGISTRY_URL"] = "127.0.0.1:5101" })).Workspace;
        Assert.Equal("127.0.0.1:5101/ayedo/hcloud/k8s", Assert.Single(fromVariable.MissingBlocks).Reference);
        Assert.Equal("127.0.0.1:5101/ayedo/hcloud/k8s", fromVariable.BlockedBy["cluster"]);
    }

    [Fact]
    public async Task The_2025_registry_endpoint_key_is_honoured_and_credentials_there_are_a_warning()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Instance + "registry:\n  endpoint: registry.acme.example\n  password: hunter2\n");

        var result = await workspace.LoadAsync(allowMissing: true);

        Assert.Equal("registry.acme.example", result.Workspace.DefaultRegistry);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("registry.password has no effect", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", warning.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_short_from_is_a_missing_registry_block_not_a_load_error_and_its_error_names_workspace_update()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Instance);

        var allowed = (await workspace.LoadAsync(allowMissing: true)).Workspace;
        Assert.Equal("cargo.ayedo.cloud/ayedo/hcloud/k8s", Assert.Single(allowed.MissingBlocks).Reference);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.ParentMissing, diagnostic.Code);
        Assert.Contains("cargo.ayedo.cloud/ayedo/hcloud/k8s", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("workspace update", diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_block_with_a_slash_in_its_name_still_wins_over_the_registry()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Instance);
        InstallK8s(workspace, "mine/k8s", "ayedo/hcloud/k8s");

        var loaded = (await workspace.LoadAsync()).Workspace;

        Assert.Empty(loaded.MissingBlocks);
        Assert.NotNull(loaded.FindBlock("cluster"));
    }

    [Fact]
    public async Task Dependencies_are_host_qualified_and_know_whether_they_are_installed()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\ndependencies:\n  - ayedo/hcloud/k8s:1.0.0\n  - ayedo/k8s/harbor:0.1.0\n  - registry.acme.example/acme/base\n");
        InstallK8s(workspace, "cargo.ayedo.cloud/ayedo/hcloud/k8s", "k8s");

        var dependencies = (await workspace.LoadAsync()).Workspace.Dependencies;

        Assert.Equal(["cargo.ayedo.cloud/ayedo/hcloud/k8s:1.0.0", "cargo.ayedo.cloud/ayedo/k8s/harbor:0.1.0", "registry.acme.example/acme/base"],
            dependencies.Select(d => d.Reference));
        Assert.Equal([true, false, false], dependencies.Select(d => d.Installed));
    }
}
