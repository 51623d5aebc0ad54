using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Resolution;

public sealed class InheritanceTests
{
    [Fact]
    public async Task Chains_of_any_depth_resolve_parent_first_and_run_in_the_root_directory()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/root/block.poly", "name: root\nversion: 1.0.0\nkind: k8sapp\nconfig: {level: root, keep: yes-root}\nactions: [{name: deploy, playbook: deploy.yml}]\n");
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: level3
                from: level2
                config: {level: three}
              - name: level2
                from: level1
                config: {level: two}
              - name: level1
                from: root:1.0.0
                config: {level: one}
            """);

        var ws = (await workspace.LoadAsync()).Workspace;

        var level3 = ws.FindBlock("level3")!;
        Assert.Equal("three", level3.Config["level"]!.ToString());
        Assert.Equal("yes-root", level3.Config["keep"]!.ToString());
        Assert.Equal(workspace.PathOf("blocks/root"), level3.Workdir);
        Assert.Equal("deploy.yml", level3.FindAction("deploy")!.Playbook);
        Assert.Equal("1.0.0", level3.Version);
        Assert.Equal("k8sappinstance", ws.FindBlock("level1")!.Kind);
    }

    [Fact]
    public async Task A_cycle_is_an_error_that_prints_the_chain()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: a
                from: b
              - name: b
                from: c
              - name: c
                from: a
            """);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var cycle = Assert.Single(error.Diagnostics, d => d.Code == DiagnosticCodes.InheritanceCycle);
        Assert.Contains("a -> b -> c -> a", cycle.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public async Task A_self_reference_is_an_error_not_a_silent_skip()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: default-false\n    from: default-false\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.InheritanceCycle, diagnostic.Code);
        Assert.Contains("inherits from itself", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), 4, 11), diagnostic.Location);
    }

    [Fact]
    public async Task A_missing_registry_parent_names_the_block_and_how_to_install_it()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: edge-ota\n    from: localhost:5000/acme/iot/edge-ota:0.1.0\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.ParentMissing, diagnostic.Code);
        Assert.Contains("'edge-ota' needs 'localhost:5000/acme/iot/edge-ota:0.1.0'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("polycrate-build blocks pull localhost:5000/acme/iot/edge-ota:0.1.0", diagnostic.Hint, StringComparison.Ordinal);

        // A run may install it first: the load then lists it instead of failing.
        var allowed = await workspace.LoadAsync(allowMissing: true);
        Assert.Equal("localhost:5000/acme/iot/edge-ota:0.1.0", Assert.Single(allowed.Workspace.MissingBlocks).Reference);
        Assert.Equal("localhost:5000/acme/iot/edge-ota:0.1.0", allowed.Workspace.BlockedBy["edge-ota"]);
    }

    [Fact]
    public async Task Explicit_template_flag_on_an_entry_wins_and_instances_of_templates_can_run()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", "name: base\nactions: [{name: run, script: [echo]}]\n");
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: base
                template: true
              - name: instance
                from: base
            """);

        var ws = (await workspace.LoadAsync()).Workspace;

        Assert.True(ws.FindBlock("base")!.IsTemplate);
        Assert.False(ws.FindBlock("instance")!.IsTemplate);
        Assert.Throws<NotFoundException>(() => Lookup.Action(ws, "base", "run"));
        Assert.Equal("run", Lookup.Action(ws, "instance", "run").Action.Name);
    }

    [Fact]
    public async Task Inline_blocks_have_no_workdir_and_entry_actions_override_inherited_fields()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", "name: base\nactions: [{name: run, script: [echo base], description: base action}]\n");
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: inline
                actions: [{name: hello, script: [echo hello]}]
              - name: child
                from: base
                actions:
                  - name: run
                    prompt: {message: "Really?"}
            """);

        var ws = (await workspace.LoadAsync()).Workspace;

        Assert.Null(ws.FindBlock("inline")!.Workdir);
        var run = ws.FindBlock("child")!.FindAction("run")!;
        Assert.Equal(["echo base"], run.Script);
        Assert.Equal("Really?", run.Prompt);
        Assert.Equal("base action", run.Description);
    }
}
