using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// Every YAML example of the product documents (../shared/seeds) loads, verbatim: TestData/Seeds holds 000, 001, 003 and 004
/// (the runnable samples adapt 000 and 001 to offline targets); samples/multi-cluster is 002 as written.
/// </summary>
public sealed class SeedExamplesTests
{
    private static Task<LoadResult> Load(string directory) =>
        new WorkspaceLoader().LoadAsync(directory, new LoadOptions(), CancellationToken.None);

    [Fact]
    public async Task Seed000_edge_fleet_resolves_the_pulled_block_by_its_registry_name()
    {
        var result = await Load(Path.Combine(RepositoryPaths.TestData, "Seeds", "seed000-edge-fleet"));

        var block = Assert.Single(result.Workspace.Blocks, b => b.Name == "edge-ota");
        Assert.Equal("0.1.0", block.Version);
        Assert.EndsWith(Path.Combine("registry.acme-corp.com", "acme", "iot", "edge-ota"), block.Workdir);
        Assert.Equal(["ota-update", "deploy-config"], block.Actions.Select(a => a.Name));
        Assert.Equal("edge", ((ConfigScalar)block.Config["hosts_group"]!).Text);
        Assert.Equal(ScalarKind.Integer, ((ConfigScalar)block.Config["serial"]!).Kind);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task Seed001_nightly_maintenance_resolves_a_short_named_block_by_its_install_path()
    {
        var result = await Load(Path.Combine(RepositoryPaths.TestData, "Seeds", "seed001-nightly-maintenance"));

        var block = Assert.Single(result.Workspace.Blocks);
        Assert.Equal("linux-maintenance", block.Name);
        Assert.Equal(["backup", "update", "verify"], block.Actions.Select(a => a.Name));
        Assert.All(block.Actions, a => Assert.Equal("ansible", a.Type));
        var workflow = Assert.Single(result.Workspace.Workflows);
        Assert.Equal(["backup", "update", "verify"], workflow.Steps.Select(s => s.Name));
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("edge-fleet")]
    [InlineData("nightly-maintenance")]
    public async Task The_runnable_samples_load_without_warnings(string sample)
    {
        var result = await Load(Path.Combine(RepositoryPaths.Samples, sample));

        Assert.Empty(result.Warnings);
        Assert.NotEmpty(result.Workspace.Workflows);
    }

    [Theory]
    [InlineData("acme-staging-1", "1.2.0")]
    [InlineData("acme-production-1", "1.1.0")]
    public async Task Seed002_each_cluster_workspace_pins_its_block_version(string workspace, string version)
    {
        var result = await Load(Path.Combine(RepositoryPaths.Samples, "multi-cluster", workspace));

        // The installed registry block is listed too: it is the parent of the instance 'app'.
        Assert.Equal(["app", "registry.acme-corp.com/acme/apps/app-deploy"], result.Workspace.Blocks.Select(b => b.Name));
        var app = result.Workspace.Blocks[0];
        Assert.Equal(version, app.Version);
        Assert.Equal($"acme-app-{workspace}", ((ConfigScalar)app.Config["namespace"]!).Text);
    }

    [Fact]
    public async Task Seed002_pinning_a_version_that_is_not_installed_names_the_pull_command()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/registry.acme-corp.com/acme/apps/app-deploy/block.poly", """
            name: registry.acme-corp.com/acme/apps/app-deploy
            version: 1.1.0
            actions:
              - name: deploy
                playbook: deploy.yml
            """);
        workspace.Write("workspace.poly", """
            # acme-production-1/workspace.poly (after approval)
            name: acme-production-1
            organization: acme

            blocks:
              - name: app
                from: registry.acme-corp.com/acme/apps/app-deploy:1.2.0
                config:
                  namespace: "acme-app-acme-production-1"
                  image: "ghcr.io/acme/myapp:1.2.0"
            """);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        // The excerpt's block ships no deploy.yml, which is a warning (PCB1020) beside the error.
        var diagnostic = Assert.Single(error.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.ParentMissing, diagnostic.Code);
        Assert.Contains("has version 1.1.0", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("blocks pull registry.acme-corp.com/acme/apps/app-deploy:1.2.0", diagnostic.Hint, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 7, 11), diagnostic.Location);
    }

    [Fact]
    public async Task Seed003_integration_blocks_load_and_only_the_elided_actions_are_reported()
    {
        var directory = Path.Combine(RepositoryPaths.TestData, "Seeds", "seed003-integrations");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => Load(directory));

        // The document elides these blocks with "# ..."; its workflow names two actions the shown blocks lack.
        Assert.Equal(2, error.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains(error.Diagnostics, d => d.Code == DiagnosticCodes.UnknownActionReference && d.Message.Contains("'generate-inventory'", StringComparison.Ordinal) && d.Location == new SourceLocation(Path.Combine(directory, "workspace.poly"), 18, 17));
        Assert.Contains(error.Diagnostics, d => d.Code == DiagnosticCodes.UnknownActionReference && d.Message.Contains("'deploy'", StringComparison.Ordinal) && d.Location == new SourceLocation(Path.Combine(directory, "workspace.poly"), 24, 17));
    }

    [Fact]
    public async Task Seed003_workflow_with_rollback_step_loads()
    {
        var result = await Load(Path.Combine(RepositoryPaths.TestData, "Seeds", "seed003-rollback"));

        var workflow = Assert.Single(result.Workspace.Workflows);
        Assert.Equal(["backup", "deploy", "verify", "rollback"], workflow.Steps.Select(s => s.Name));
        Assert.False(workflow.Steps[1].AllowFailure);
    }

    [Fact]
    public async Task Seed004_container_section_of_the_newer_format_loads()
    {
        var result = await Load(Path.Combine(RepositoryPaths.TestData, "Seeds", "seed004-container"));

        var settings = result.Workspace.Settings;
        Assert.Equal("cargo.ayedo.cloud/library/polycrate:latest", settings.Image);
        Assert.Equal("Dockerfile.poly", settings.Dockerfile);
        Assert.Equal(["--privileged", "--network=host"], settings.DockerFlags);
        Assert.Equal([new EnvironmentEntry("MY_CUSTOM_VAR", "value"), new EnvironmentEntry("API_KEY", "secret-key")], settings.ContainerEnv);
        Assert.Equal(["docker build -t myapp:latest .", "docker push myapp:latest"], result.Workspace.Blocks.Single().Actions.Single().Script);
    }

    [Theory]
    [InlineData("docker-socket.poly", "-v /var/run/docker.sock:/var/run/docker.sock")]
    [InlineData("user-flag.poly", "--user $(id -u):$(id -g)")]
    public async Task Seed004_docker_flag_snippets_load(string file, string flag)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", File.ReadAllText(Path.Combine(RepositoryPaths.TestData, "Seeds", "seed004-container", file)));

        var result = await workspace.LoadAsync(strict: true);

        Assert.Equal([flag], result.Workspace.Settings.DockerFlags);
    }

    [Fact]
    public async Task The_2025_format_image_keys_extraenv_and_workflow_allow_failure_load()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: acme-staging-1
            organization: acme
            config:
              image:
                reference: cargo.ayedo.cloud/library/polycrate
                version: 0.29.3
              dockerfile: Custom.poly
            extraenv: ["TF_IN_AUTOMATION=1", "OPTS=a=b"]
            extramounts: ["/srv/data:/data:ro", "cache:/cache"]
            blocks:
              - name: app
                actions: [{name: deploy, script: [echo deploy]}]
            workflows:
              - name: deploy
                allow_failure: true
                steps: [{name: deploy-app, block: app, action: deploy}]
            """);

        var result = await workspace.LoadAsync(strict: true);

        var ws = result.Workspace;
        Assert.Equal("cargo.ayedo.cloud/library/polycrate:0.29.3", ws.Settings.Image);
        Assert.Equal("Custom.poly", ws.Settings.Dockerfile);
        Assert.Equal([new EnvironmentEntry("TF_IN_AUTOMATION", "1"), new EnvironmentEntry("OPTS", "a=b")], ws.ExtraEnv);
        Assert.Equal([new MountEntry("/srv/data", "/data", true), new MountEntry("cache", "/cache", false)], ws.ExtraMounts);
        Assert.True(ws.Workflows.Single().AllowFailure);
    }
}
