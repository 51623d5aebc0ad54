using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// An unclosed flow list followed by more lines makes YamlDotNet's scanner throw InvalidOperationException instead of a
/// YamlException; it was an unhandled crash (exit 134). It is a PCB1001 syntax error like any other.
/// </summary>
public sealed class YamlScannerErrorTests
{
    [Theory]
    [InlineData("workspace.poly", "name: ws\nconfig:\n  x: [1, 2\n  y: 3\n")]
    [InlineData("blocks/a/block.poly", "name: a\nconfig:\n  l: [1, 2\n- x\n")]
    public async Task An_unclosed_list_before_more_lines_is_a_syntax_error(string file, string text)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: a\n");
        workspace.Write("blocks/a/block.poly", "name: a\nactions: [{name: run, script: [echo]}]\n");
        workspace.Write(file, text);

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.YamlSyntax, diagnostic.Code);
        Assert.EndsWith(file, diagnostic.Location.File, StringComparison.Ordinal);
        Assert.True(diagnostic.Location.Line >= 2, diagnostic.ToString());
    }
}
