using Polycrate.Build.Graph;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Graph;

public sealed class TargetGraphBuilderTests
{
    private const string Workspace = """
        name: ws
        blocks:
          - name: app
            actions:
              - {name: prepare, script: [echo]}
              - {name: web, script: [echo]}
              - {name: db, script: [echo]}
              - {name: verify, script: [echo]}
              - {name: rollback, script: [echo]}
          - name: edge
            from: localhost:5000/acme/edge:1.0.0
        workflows:
          - name: release
            steps:
              - {name: prepare, block: app, action: prepare}
              - {name: web, block: app, action: web, needs: [prepare]}
              - {name: db, block: app, action: db, needs: [prepare]}
              - {name: verify, block: app, action: verify, needs: [web, db]}
              - {name: rollback, block: app, action: rollback, when: on_failure, allow_failure: true}
          - name: fleet
            allow_failure: true
            steps:
              - {name: update, block: edge, action: ota-update}
        """;

    [Fact]
    public async Task Steps_follow_needs_or_the_previous_step_and_inherit_the_workflow_policy()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Workspace);
        var graph = TargetGraphBuilder.Build((await workspace.LoadAsync(allowMissing: true)).Workspace);

        Assert.Equal(["image", "step:release:web", "step:release:db"], graph["step:release:verify"].DependsOn);
        Assert.Equal(["image", "step:release:verify"], graph["step:release:rollback"].DependsOn);
        Assert.True(graph["step:release:rollback"].AllowFailure);
        Assert.Equal(Polycrate.Build.Model.RunCondition.OnFailure, graph["step:release:rollback"].When);
        Assert.Equal(5, graph["workflow:release"].DependsOn.Count);
        Assert.Equal(["image"], graph["action:app:web"].DependsOn);
        Assert.True(graph["step:fleet:update"].AllowFailure);
    }

    [Fact]
    public async Task A_missing_registry_block_becomes_an_install_target_its_users_depend_on()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Workspace);
        var graph = TargetGraphBuilder.Build((await workspace.LoadAsync(allowMissing: true)).Workspace);

        var install = graph["block:localhost:5000/acme/edge:1.0.0:install"];
        Assert.Equal(TargetKind.BlockInstall, install.Kind);
        Assert.Contains(install.Id, graph["step:fleet:update"].DependsOn);
        Assert.Equal(["image", "block:localhost:5000/acme/edge:1.0.0:install", "step:fleet:update"],
            graph.Closure(["workflow:fleet"]).Select(t => t.Id).ToList()[..3]);
    }

    [Fact]
    public async Task A_single_step_keeps_only_its_prerequisites()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Workspace);
        var graph = TargetGraphBuilder.BuildForSingleStep((await workspace.LoadAsync(allowMissing: true)).Workspace, "release", "verify");

        Assert.Equal(["image", "step:release:verify"], graph.Closure(["step:release:verify"]).Select(t => t.Id));
    }

    [Fact]
    public async Task Stages_render_parallel_branches_in_braces()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", Workspace);
        var ws = (await workspace.LoadAsync(allowMissing: true)).Workspace;

        var text = WorkflowGraphRenderer.Text(ws.FindWorkflow("release")!);
        var dot = WorkflowGraphRenderer.Dot(ws.FindWorkflow("release")!);

        Assert.Contains("prepare → {web, db} → verify → rollback", text, StringComparison.Ordinal);
        Assert.Contains("\"web\" -> \"verify\";", dot, StringComparison.Ordinal);
        Assert.Contains("style=dashed", dot, StringComparison.Ordinal);
    }
}
