using Polycrate.Build.Diagnostics;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.Preparation;
using Polycrate.Build.Model;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// Workspaces in the formats Polycrate users write, learned from Polycrate's own docs (getting-started guide, reference,
/// cluster examples) and its editor extension's examples, kept as fixtures in TestData/RealWorld: they load unchanged,
/// an action gets what Polycrate gives it, and what is not supported is a warning at its position.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RealWorldFormatsTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();
    private readonly string _runDirectory = Path.Combine(Path.GetTempPath(), "pcb-realworld-" + Guid.NewGuid().ToString("N")[..8]);

    private void CopyFixture(string name)
    {
        var source = Path.Combine(RepositoryPaths.TestData, "RealWorld", name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            _workspace.Write(Path.GetRelativePath(source, file), File.ReadAllText(file));
        }
    }

    private async Task<PreparedAction> PrepareAsync(string block, string action)
    {
        var ws = (await _workspace.LoadAsync()).Workspace;
        var (b, a) = Lookup.Action(ws, block, action);
        var context = new ActionContext { Workspace = ws, Block = b, Action = a, TransactionId = "tx-1", Image = "polycrate-toolchain:bookworm-2" };
        return ActionEnvironmentBuilder.Build(context, new ActionPreparationOptions { RunDirectory = _runDirectory, GetVariable = _ => null });
    }

    private static string Env(PreparedAction prepared, string name) => prepared.Environment.Single(e => e.Name == name).Value;

    private static string At(ConfigValue? value, params string[] path) =>
        path.Aggregate(value, (current, key) => ((ConfigMap)current!)[key])!.ToString()!;

    [Fact]
    public async Task The_getting_started_workspace_loads_without_organization_and_its_scripts_get_Polycrates_variables()
    {
        CopyFixture("getting-started");

        var loaded = await _workspace.LoadAsync();
        Assert.Empty(loaded.Warnings);
        var instance = loaded.Workspace.FindBlock("greeter-instance")!;
        Assert.Equal("instance-value", instance.Config["greeter"]!.ToString());
        Assert.Equal(_workspace.PathOf("blocks/python"), instance.Workdir);

        var prepared = await PrepareAsync("hello", "polycrate-env");
        Assert.Equal("Jane Doe", Env(prepared, "GREETING_NAME"));
        Assert.Equal("Jane Doe", Env(prepared, "BLOCK_CONFIG_GREETING_NAME"));
        Assert.Equal("getting-started", Env(prepared, "WORKSPACE_NAME"));
        // Polycrate sets these for every action; a script under 'set -u' that reads them must not stop.
        Assert.Equal("true", Env(prepared, "IN_CI"));
        Assert.Equal("xterm-256color", Env(prepared, "TERM"));
        Assert.Equal("polycrate-toolchain", Env(prepared, "POLYCRATE_IMAGE_REFERENCE"));
        Assert.Equal("bookworm-2", Env(prepared, "POLYCRATE_IMAGE_VERSION"));
        // Lists: JSON as a whole, and each item by index as Polycrate's reference documents (ACTION_SCRIPT_0, BLOCK_ACTIONS_0_NAME).
        Assert.Equal("[{\"name\":\"node-a\"},{\"name\":\"node-b\"}]", Env(prepared, "BLOCK_CONFIG_NODES"));
        Assert.Equal("node-a", Env(prepared, "BLOCK_CONFIG_NODES_0_NAME"));
        Assert.Equal("node-b", Env(prepared, "BLOCK_CONFIG_NODES_1_NAME"));
        Assert.Equal("polycrate-env", Env(prepared, "BLOCK_ACTIONS_4_NAME"));
        // No inventory anywhere: Ansible's default, also as .Block.Inventory.Path and block.inventory.path.
        Assert.Equal("/etc/ansible/hosts", Env(prepared, "ANSIBLE_INVENTORY"));
        // No kubeconfig: the path is empty, as Polycrate's template rendered it.
        Assert.EndsWith("inventory=/etc/ansible/hosts kubeconfig=.\"", prepared.Action.Script![1], StringComparison.Ordinal);
        Assert.Equal("", Env(prepared, "BLOCK_KUBECONFIG_PATH"));
        Assert.DoesNotContain(prepared.Environment, e => e.Name == "KUBECONFIG");
        Assert.Equal("/etc/ansible/hosts", At(prepared.Snapshot["block"], "inventory", "path"));
    }

    [Fact]
    public async Task The_cluster_example_links_inventories_and_kubeconfigs_between_blocks_and_shows_their_paths()
    {
        CopyFixture("hcloud-cluster");
        // What 'run inventory install' writes.
        _workspace.Write("artifacts/blocks/inventory/inventory.yml", "all:\n  hosts:\n    cp-1:\n      ansible_host: 10.0.0.1\n");

        var loaded = await _workspace.LoadAsync();
        Assert.Empty(loaded.Warnings);
        Assert.Null(loaded.Workspace.FindBlock("eks")!.Workdir);

        var worker = await PrepareAsync("worker", "show");
        Assert.Equal("/workspace/artifacts/blocks/inventory/inventory.yml", Env(worker, "ANSIBLE_INVENTORY"));
        Assert.Equal("/workspace/artifacts/blocks/controlplane/kubeconfig.yml", Env(worker, "KUBECONFIG"));
        // Polycrate's block.inventory / block.kubeconfig carry the paths the action uses (playbooks: kubeconfig: "{{ block.kubeconfig.path }}").
        var block = worker.Snapshot["block"];
        Assert.Equal("controlplane", At(block, "kubeconfig", "from"));
        Assert.Equal("/workspace/artifacts/blocks/controlplane/kubeconfig.yml", At(block, "kubeconfig", "path"));
        Assert.Equal(_workspace.PathOf("artifacts/blocks/controlplane/kubeconfig.yml"), At(block, "kubeconfig", "localpath"));
        Assert.Equal("/workspace/artifacts/blocks/inventory/inventory.yml", At(block, "inventory", "containerpath"));
        Assert.Equal("/workspace/artifacts/blocks/controlplane/kubeconfig.yml", Env(worker, "BLOCK_KUBECONFIG_PATH"));
        Assert.Equal(
            ["echo \"group=worker kubeconfig=$KUBECONFIG inventory=$ANSIBLE_INVENTORY\"", "echo \"email=ops@example.org\""],
            worker.Action.Script);
        Assert.Equal("w-1", Env(worker, "BLOCK_CONFIG_NODES_0_NAME"));
        Assert.Equal("10.20.0.0/24", Env(worker, "WORKSPACE_CONFIG_GLOBALS_HCLOUD_NETWORK_CIDR"));

        var nginx = await PrepareAsync("nginx", "deploy");
        Assert.Equal("/workspace/artifacts/blocks/eks/kubeconfig.yml", Env(nginx, "KUBECONFIG"));
    }

    [Fact]
    public async Task The_catalog_example_loads_and_each_go_template_in_a_config_value_is_a_warning_at_the_value()
    {
        CopyFixture("catalog-block");

        var loaded = await _workspace.LoadAsync();

        Assert.Equal(
            [(_workspace.PathOf("blocks/redis-cache/block.poly"), 26, 11), (_workspace.PathOf("workspace.poly"), 38, 15)],
            loaded.Warnings.Select(w => (w.Location.File, w.Location.Line, w.Location.Column)).Order());
        Assert.All(loaded.Warnings, w =>
        {
            Assert.Equal(DiagnosticCodes.ConfigTemplate, w.Code);
            Assert.Contains("'{{ .Workspace.Config.Globals.domain }}'", w.Message, StringComparison.Ordinal);
            Assert.Contains("{{ workspace.config.globals.domain }}", w.Hint!, StringComparison.Ordinal);
        });
        // Polycrate writes its defaults as 'endpoint: ""': no endpoint, no error, nothing sent.
        Assert.False(loaded.Workspace.Settings.Events.IsWebhook);
        var cache = loaded.Workspace.FindBlock("cache")!;
        Assert.Equal("k8sappinstance", cache.Kind);

        // CHANGELOG.poly becomes block.changelog, also of an instance, as in Polycrate's snapshot.
        Assert.Equal(["7.0.0", "6.2.0"], cache.Changelog.Select(e => e.Version));

        // Rendered once: the template inside the config value stays literal (Polycrate's second pass was a bug).
        var install = await PrepareAsync("cache", "install");
        Assert.Equal("feat", At(((ConfigList)((ConfigMap)install.Snapshot["block"]!)["changelog"]!).Items[0], "type"));
        Assert.Equal(["echo namespace=cache-prod chart=redis@17.3.7", "echo host=cache.{{ .Workspace.Config.Globals.domain }}"], install.Action.Script);
    }

    [Fact]
    public async Task Copied_computed_keys_and_an_endpoint_without_webhook_are_warnings_at_their_position()
    {
        _workspace.Write("workspace.poly", """
            name: copied
            path: /workspace
            localpath: /home/ops/copied
            containerpath: /workspace
            events:
              endpoint: https://hooks.example.org/polycrate
            blocks:
              - name: b
                actions: [{name: run, script: [echo]}]
            """);

        var loaded = await _workspace.LoadAsync();

        Assert.Equal(
            [(2, 7, DiagnosticCodes.UnknownKey), (3, 12, DiagnosticCodes.UnknownKey), (4, 16, DiagnosticCodes.UnknownKey), (6, 13, DiagnosticCodes.InvalidValue)],
            loaded.Warnings.Select(w => (w.Location.Line, w.Location.Column, w.Code)));
        Assert.Contains("computed", loaded.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("handler: webhook", loaded.Warnings[3].Hint!, StringComparison.Ordinal);
        Assert.False(loaded.Workspace.Settings.Events.IsWebhook);
    }

    [Fact]
    public async Task Actions_keyed_by_name_as_an_old_reference_page_shows_them_are_an_error_that_spells_the_list_form()
    {
        _workspace.Write("blocks/custom-block/block.poly", """
            name: custom-block
            config:
              baz: {foo: bar}
            actions:
              install:
                script:
                  - echo "Install"
            """);
        _workspace.Write("workspace.poly", "name: ws\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => _workspace.LoadAsync());

        var only = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnexpectedType, only.Code);
        Assert.Equal((5, 3), (only.Location.Line, only.Location.Column));
        Assert.Contains("keyed by name", only.Message, StringComparison.Ordinal);
        Assert.Contains("'- name: install'", only.Hint!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unquoted_script_line_with_colon_space_is_an_error_that_says_to_quote_it()
    {
        _workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: b
                actions:
                  - name: run
                    script:
                      - echo "status: ok"
            """);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => _workspace.LoadAsync());

        var only = Assert.Single(error.Diagnostics);
        Assert.Equal((7, 13), (only.Location.Line, only.Location.Column));
        Assert.Contains("found a mapping in the list", only.Message, StringComparison.Ordinal);
        Assert.Contains("quote the whole line", only.Hint!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_with_its_own_script_and_links_from_workspace_are_errors_that_say_how_to_write_them()
    {
        // Both as Polycrate's editor-extension examples write them; Polycrate has neither.
        _workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: app
                inventory: {from: workspace}
                actions: [{name: deploy, script: [echo]}]
            workflows:
              - name: deploy
                steps:
                  - {name: deploy, block: app, action: deploy}
                  - name: verify
                    script:
                      - kubectl get pods
            """);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => _workspace.LoadAsync());

        Assert.Collection(error.Diagnostics,
            link =>
            {
                Assert.Equal((DiagnosticCodes.ArtifactLinkMissing, 4, 16), (link.Code, link.Location.Line, link.Location.Column));
                Assert.Contains("remove 'from:'", link.Hint!, StringComparison.Ordinal);
            },
            step =>
            {
                Assert.Equal((DiagnosticCodes.MissingRequired, 12, 11), (step.Code, step.Location.Line, step.Location.Column));
                Assert.Contains("cannot have its own 'script'", step.Message, StringComparison.Ordinal);
                Assert.Contains("'block:' and 'action:'", step.Hint!, StringComparison.Ordinal);
            });
    }

    [Fact]
    public async Task A_lower_case_template_root_that_Polycrate_refused_is_an_error_at_its_position_not_literal_text()
    {
        _workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: app
                config: {namespace: shop}
                actions:
                  - name: deploy
                    script:
                      - docker inspect --format '{{ .Config.Env }}' app
                      - kubectl -n {{ .block.config.namespace }} get pods
            """);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => PrepareAsync("app", "deploy"));

        var only = Assert.Single(error.Diagnostics);
        Assert.Equal((DiagnosticCodes.TemplateFieldMissing, 9, 24), (only.Code, only.Location.Line, only.Location.Column));
        Assert.Contains("'.block' is not a field", only.Message, StringComparison.Ordinal);
        Assert.Contains("write .Block", only.Hint!, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _workspace.Dispose();
        if (Directory.Exists(_runDirectory))
        {
            Directory.Delete(_runDirectory, recursive: true);
        }
    }
}
