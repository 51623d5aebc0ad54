using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// YamlDotNet reports a tab used for indentation (and some other scanner errors) without a usable position; the
/// diagnostic must still point at the tab's line and column and say that YAML does not allow tabs for indentation.
/// </summary>
public sealed class YamlTabTests
{
    [Theory]
    [InlineData("name: ws\nconfig:\n\tx: 1\n", 3, 1)]
    [InlineData("name: ws\nblocks:\n  - name: app\n\t  actions: []\n", 4, 1)]
    [InlineData("name: ws\nblocks:\n  - name: app\n    config:\n    \tkey: value\n", 5, 5)]
    [InlineData("name: ws\nworkflows:\n\t- name: w\n", 3, 1)]
    public async Task A_tab_in_the_indentation_is_reported_at_the_tab(string text, int line, int column)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", text);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, diagnostic.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), line, column), diagnostic.Location);
        Assert.Contains("YAML does not allow tabs for indentation", diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tab_in_a_block_poly_is_reported_at_the_tab()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        workspace.Write("blocks/app/block.poly", "name: app\nactions:\n  - name: go\n\t\tscript: [echo]\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(new SourceLocation(workspace.PathOf("blocks/app/block.poly"), 4, 1), diagnostic.Location);
        Assert.Contains("tab", diagnostic.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tab_inside_a_value_is_fine()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\ndescription: \"a\\tb\"\nlabels: {team: ops}\t# trailing tab before a comment\n");

        var result = await workspace.LoadAsync();

        Assert.Equal("a\tb", result.Workspace.Description);
    }
}
