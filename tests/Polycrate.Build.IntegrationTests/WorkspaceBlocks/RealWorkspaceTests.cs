using Polycrate.Build.IntegrationTests.Execution.Runs;
using Polycrate.Build.Registry;
using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Secrets.Age;
using Polycrate.Build.Secrets.WorkspaceSecrets;
using Polycrate.Build.IntegrationTests.Registry;

namespace Polycrate.Build.IntegrationTests.WorkspaceBlocks;

/// <summary>
/// Issue 9 "done when": a workspace written as Polycrate's docs write it (short <c>from:</c> references, <c>dependencies:</c>,
/// <c>secrets.poly</c>, a script that calls ansible-playbook) runs after <c>workspace update</c>, with the loopback registry
/// standing in for the default one through <c>POLYCRATE_REGISTRY_URL</c>. The tool runs as its own process, as from a shell.
/// </summary>
[Collection(RegistryCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RealWorkspaceTests : IClassFixture<RunEnvironmentFixture>
{
    private readonly RegistryFixture _registry;

    // One registry fixture per test run (its token server owns a fixed port): the registry collection's; the engine and
    // toolchain image come from the run fixture.
    public RealWorkspaceTests(RegistryFixture registry, RunEnvironmentFixture environment)
    {
        _registry = registry;
        _ = environment;
    }

    /// <summary>Publishes app and base under <c>&lt;unique&gt;/ayedo/linux/</c> on the loopback registry; returns the path without host.</summary>
    private async Task<string> PublishAsync()
    {
        var path = $"{RegistryFixture.UniqueRepository("docs")}/ayedo/linux";
        using var publisher = new ScratchWorkspace("name: publisher\n");
        publisher.Write("blocks/app/block.poly", """
            name: app
            version: 0.1.0
            display_name: Demo app
            license: MIT
            config:
              greeting: hi
            actions:
              - name: deploy
                script:
                  # Passes the snapshot explicitly, so it does not depend on the polycrate_vars plugin.
                  - ansible-playbook -i localhost, -c local site.yml -e "@$POLYCRATE_WORKSPACE_SNAPSHOT_YAML"
            """);
        publisher.Write("blocks/app/site.yml", """
            - hosts: localhost
              gather_facts: false
              tasks:
                - ansible.builtin.copy:
                    dest: /workspace/result.txt
                    content: "{{ block.config.greeting }} {{ block.config.api_token }}\n"
                - ansible.builtin.debug:
                    msg: "using token {{ block.config.api_token }}"
            """);
        publisher.Write("blocks/base/block.poly", "name: base\nversion: 1.0.0\n");
        foreach (var block in new[] { "app", "base" })
        {
            await publisher.JsonAsync("blocks", "push", block, "--registry", $"{_registry.Anonymous}/{path}");
        }

        return path;
    }

    private static ScratchWorkspace DocsWorkspace(string path) => new($$"""
        name: docs-workspace
        organization: acme
        config:
          container:
            image: {{Execution.Docker.DockerEngineFixture.ToolchainImage}}
        dependencies:
          - {{path}}/base:1.0.0
        blocks:
          - name: app
            from: {{path}}/app:0.1.0
            config:
              greeting: hello
        """);

    [Fact]
    public async Task A_docs_workspace_runs_after_workspace_update_with_secrets_poly_encrypted()
    {
        var path = await PublishAsync();
        using var workspace = DocsWorkspace(path);
        workspace.Write("secrets.poly", "blocks:\n  - name: app\n    config:\n      api_token: REAL-TOKEN-4711-XYZ\n");
        var key = X25519Identity.Generate().ToSecretString();
        var env = new Dictionary<string, string> { [DefaultRegistry.Variable] = _registry.Anonymous, [IdentitySource.EnvironmentVariable] = key };

        // The missing blocks never block the commands that report or fix them.
        var list = await ToolProcess.RunAsync(workspace.Root, env, "blocks", "list");
        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.Contains($"{_registry.Anonymous}/{path}/app:0.1.0", list.Stdout, StringComparison.Ordinal);

        var update = await ToolProcess.RunAsync(workspace.Root, env, "workspace", "update");
        Assert.True(update.ExitCode == 0, update.Stderr);
        var pinned = (await BlockLockFile.LoadAsync(workspace.Root, default)).Blocks.Select(b => $"{b.Repository}:{b.Tag}").Order().ToList();
        Assert.Equal([$"{_registry.Anonymous}/{path}/app:0.1.0", $"{_registry.Anonymous}/{path}/base:1.0.0"], pinned);
        Assert.True(workspace.Exists($"blocks/{_registry.Anonymous}/{path}/app/site.yml"));

        var encrypt = await ToolProcess.RunAsync(workspace.Root, env, "workspace", "encrypt");
        Assert.True(encrypt.ExitCode == 0, encrypt.Stderr);
        Assert.False(workspace.Exists("secrets.poly"));
        Assert.True(workspace.Exists("secrets.poly.age"));
        Assert.Contains("/secrets.poly", workspace.Read(".gitignore"), StringComparison.Ordinal);

        var run = await ToolProcess.RunAsync(workspace.Root, env, "run", "app", "deploy");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.StartsWith("hello ", workspace.Read("result.txt"), StringComparison.Ordinal);
        Assert.DoesNotContain("REAL-TOKEN-4711-XYZ", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("using token ********", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.False(workspace.Exists("secrets.poly"));
        foreach (var log in Directory.EnumerateFiles(Path.Combine(workspace.Root, ".logs"), "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("REAL-TOKEN-4711-XYZ", File.ReadAllText(log), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Blocks_auto_pull_installs_dependencies_and_short_from_blocks_and_blocks_pull_takes_a_short_reference()
    {
        var path = await PublishAsync();
        using var workspace = DocsWorkspace(path);
        workspace.Write("secrets.poly", "blocks:\n  - name: app\n    config:\n      api_token: t\n");
        var env = new Dictionary<string, string> { [DefaultRegistry.Variable] = _registry.Anonymous };

        var refused = await ToolProcess.RunAsync(workspace.Root, env, "run", "app", "deploy");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"blocks pull {_registry.Anonymous}/{path}/app:0.1.0", refused.Stderr, StringComparison.Ordinal);

        var pulled = await ToolProcess.RunAsync(workspace.Root, env, "pull", $"{path}/base:1.0.0");
        Assert.True(pulled.ExitCode == 0, pulled.Stderr);
        Assert.True(workspace.Exists($"blocks/{_registry.Anonymous}/{path}/base/block.poly"));
        var uninstalled = await ToolProcess.RunAsync(workspace.Root, env, "blocks", "uninstall", "base");
        Assert.True(uninstalled.ExitCode == 0, uninstalled.Stderr);
        Assert.Empty((await BlockLockFile.LoadAsync(workspace.Root, default)).Blocks);

        var run = await ToolProcess.RunAsync(workspace.Root, env, "run", "app", "deploy", "--blocks-auto-pull");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.StartsWith("hello ", workspace.Read("result.txt"), StringComparison.Ordinal);
        Assert.Equal(2, (await BlockLockFile.LoadAsync(workspace.Root, default)).Blocks.Count);
    }

    /// <summary>
    /// The value from the encrypted secrets.poly reaches the playbook unmasked (issue 9.1: the per-run snapshot carries
    /// real values), while the console shows it masked.
    /// </summary>
    [Fact]
    public async Task The_action_gets_the_real_value_of_the_encrypted_secrets_poly()
    {
        var path = await PublishAsync();
        using var workspace = DocsWorkspace(path);
        workspace.Write("secrets.poly", "blocks:\n  - name: app\n    config:\n      api_token: REAL-TOKEN-4711-XYZ\n");
        var env = new Dictionary<string, string>
        {
            [DefaultRegistry.Variable] = _registry.Anonymous,
            [IdentitySource.EnvironmentVariable] = X25519Identity.Generate().ToSecretString(),
        };
        Assert.Equal(0, (await ToolProcess.RunAsync(workspace.Root, env, "workspace", "encrypt")).ExitCode);

        var run = await ToolProcess.RunAsync(workspace.Root, env, "run", "app", "deploy", "--blocks-auto-pull");

        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal("hello REAL-TOKEN-4711-XYZ\n", workspace.Read("result.txt"));
        Assert.DoesNotContain("REAL-TOKEN-4711-XYZ", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }
}
