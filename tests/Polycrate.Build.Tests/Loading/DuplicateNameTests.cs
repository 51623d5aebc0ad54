using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>A name used twice is reported at the repetition and names where the first one is (file:line:col of both).</summary>
public sealed class DuplicateNameTests
{
    [Theory]
    [InlineData("block", "name: ws\nblocks:\n  - name: app\n    actions: [{name: a, script: [echo]}]\n  - name: app\n", 3, 5, 5, 5)]
    [InlineData("workflow", "name: ws\nblocks:\n  - {name: app, actions: [{name: a, script: [echo]}]}\nworkflows:\n  - name: w\n    steps: [{name: s, block: app, action: a}]\n  - name: w\n    steps: [{name: s, block: app, action: a}]\n", 5, 5, 7, 5)]
    [InlineData("step", "name: ws\nblocks:\n  - {name: app, actions: [{name: a, script: [echo]}]}\nworkflows:\n  - name: w\n    steps:\n      - {name: s, block: app, action: a}\n      - {name: s, block: app, action: a}\n", 7, 9, 8, 9)]
    [InlineData("action", "name: ws\nblocks:\n  - name: app\n    actions:\n      - name: a\n        script: [echo]\n      - name: a\n        script: [echo 2]\n", 5, 9, 7, 9)]
    public async Task A_duplicate_names_both_positions(string what, string text, int firstLine, int firstColumn, int line, int column)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", text);
        var file = workspace.PathOf("workspace.poly");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateName);
        Assert.Equal(new SourceLocation(file, line, column), diagnostic.Location);
        Assert.Contains($"{what} '", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains($"is defined twice: first at {file}:{firstLine}:{firstColumn}, again at {file}:{line}:{column}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_action_in_block_poly_names_both_positions()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", "name: app\nactions:\n  - name: go\n    script: [echo 1]\n  - name: go\n    script: [echo 2]\n");
        var file = workspace.PathOf("blocks/app/block.poly");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(new SourceLocation(file, 5, 5), diagnostic.Location);
        Assert.Contains($"action 'go' is defined twice: first at {file}:3:5, again at {file}:5:5", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_installed_twice_names_both_block_files()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/a/block.poly", "name: app\nactions: [{name: go, script: [echo]}]\n");
        workspace.Write("blocks/b/block.poly", "name: app\nactions: [{name: go, script: [echo]}]\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Contains($"first at {workspace.PathOf("blocks/a/block.poly")}:1:1, again at {workspace.PathOf("blocks/b/block.poly")}:1:1", diagnostic.Message,
            StringComparison.Ordinal);
    }
}
