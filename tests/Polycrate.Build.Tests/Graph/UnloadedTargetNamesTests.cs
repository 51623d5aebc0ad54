using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Engine;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Graph;

/// <summary>The target names of a workspace that does not load, as far as its files parse (for the MSBuild SDK's stub targets).</summary>
public sealed class UnloadedTargetNamesTests
{
    [Fact]
    public async Task Workflows_steps_and_actions_including_inherited_ones_are_named_as_the_loaded_workspace_names_them()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/acme/base/block.poly", "name: acme/base\nversion: 1.0.0\nactions:\n  - {name: deploy, script: [echo]}\n");
        workspace.Write("blocks/tools/block.poly", "name: tools\nactions: [{name: lint, script: [echo]}]\n");
        workspace.Write("workspace.poly", """
            name: ws
            blocks:
              - name: web.prod
                from: acme/base:1.0.0
                actions: [{name: smoke, script: [echo]}]
            workflows:
              - name: release
                steps:
                  - {name: deploy, block: web.prod, action: deploy}
            """);
        var loaded = await new PolycrateEngine(NullLoggerFactory.Instance)
            .FrontEndTargetsAsync(new WorkspaceRequest(workspace.Root), new HashSet<string>(), CancellationToken.None);
        var expected = loaded.Value.Targets.Where(t => t.Target.Kind is not (Build.Graph.TargetKind.Image or Build.Graph.TargetKind.BlockInstall))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

        // Broken now: the workflow step names a block that does not exist.
        workspace.Write("workspace.poly", File.ReadAllText(workspace.PathOf("workspace.poly")) + "\n  - name: broken\n    steps: [{name: s, block: nothere, action: x}]\n");
        var names = new PolycrateEngine(NullLoggerFactory.Instance).UnloadedTargetNames(new WorkspaceRequest(workspace.Root));

        Assert.Equal(expected.Append("broken").Append("broken__s").Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        Assert.Contains("web_prod_deploy", names);
    }

    [Fact]
    public void A_workspace_poly_that_does_not_parse_still_names_the_actions_of_its_block_files()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/tools/block.poly", "name: tools\nactions: [{name: lint, script: [echo]}]\n");
        workspace.Write("workspace.poly", "name: ws\nblocks: [unclosed\n");

        Assert.Equal(["tools_lint"], new PolycrateEngine(NullLoggerFactory.Instance).UnloadedTargetNames(new WorkspaceRequest(workspace.Root)));
    }
}
