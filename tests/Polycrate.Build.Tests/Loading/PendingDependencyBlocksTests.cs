using Polycrate.Build.Diagnostics;
using Polycrate.Build.Graph;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// A workflow step that names a <c>dependencies:</c> block which is not installed yet (a fresh checkout) waits for it like
/// an instance waits for its <c>from:</c> parent: the workspace loads, so <c>workspace update</c> can install it.
/// Before: PCB1012 "uses block 'app', which does not exist" stopped every command, <c>workspace update</c> included.
/// </summary>
public sealed class PendingDependencyBlocksTests
{
    private const string Workspace = """
        name: ws
        dependencies:
          - registry.acme.example/acme/infra/app:0.1.0
        workflows:
          - name: deploy
            steps:
              - {name: one, block: app, action: hello}
              - {name: two, block: acme/infra/app, action: hello}
        """;

    [Fact]
    public async Task A_step_naming_an_uninstalled_dependency_loads_and_waits_for_it()
    {
        using var temp = new TempWorkspace();
        temp.Write("workspace.poly", Workspace);

        var workspace = (await temp.LoadAsync(allowMissing: true)).Workspace;

        Assert.Equal("registry.acme.example/acme/infra/app:0.1.0", workspace.BlockedBy["app"]);
        Assert.Equal("registry.acme.example/acme/infra/app:0.1.0", workspace.BlockedBy["acme/infra/app"]);
        var graph = TargetGraphBuilder.Build(workspace);
        var install = Target.InstallId("registry.acme.example/acme/infra/app:0.1.0");
        Assert.Contains(install, graph[Target.StepId("deploy", "one")].DependsOn);
        Assert.Equal(TargetKind.BlockInstall, graph[install].Kind);
    }

    [Fact]
    public async Task A_local_block_of_that_name_wins_and_a_name_no_dependency_provides_is_still_an_error()
    {
        using var temp = new TempWorkspace();
        temp.Write("workspace.poly", Workspace.Replace("block: acme/infra/app", "block: ap", StringComparison.Ordinal));
        temp.Write("blocks/app/block.poly", "name: app\nactions: [{name: hello, script: [echo]}]\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => temp.LoadAsync(allowMissing: true));

        var only = Assert.Single(error.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.UnknownBlockReference, only.Code);
        Assert.Contains("uses block 'ap'", only.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("app", (await LoadWithout(temp)).BlockedBy.Keys);
    }

    private static async Task<Polycrate.Build.Model.Workspace> LoadWithout(TempWorkspace temp)
    {
        temp.Write("workspace.poly", Workspace.Replace("block: acme/infra/app", "block: app", StringComparison.Ordinal));
        return (await temp.LoadAsync(allowMissing: true)).Workspace;
    }
}
