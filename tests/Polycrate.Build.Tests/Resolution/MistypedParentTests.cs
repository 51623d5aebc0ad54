using Polycrate.Build.Diagnostics;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Resolution;

/// <summary>
/// A mistyped local <c>from:</c> (<c>bsae</c> for <c>base</c>): the hint names the block meant, as a mistyped step block or
/// key does. Before: only "add a block named 'bsae' under blocks/ …".
/// </summary>
public sealed class MistypedParentTests
{
    [Fact]
    public async Task A_mistyped_parent_gets_a_did_you_mean_at_its_from_line()
    {
        using var temp = new TempWorkspace();
        temp.Write("blocks/base/block.poly", "name: base\nactions: [{name: go, script: [echo]}]\n");
        temp.Write("workspace.poly", "name: ws\nblocks:\n  - name: app\n    from: bsae\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => temp.LoadAsync(allowMissing: true));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.ParentMissing, diagnostic.Code);
        Assert.Equal(4, diagnostic.Location.Line);
        Assert.StartsWith("did you mean 'from: base'?", diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_close_keeps_the_plain_hint_and_the_block_itself_is_never_suggested()
    {
        using var temp = new TempWorkspace();
        temp.Write("workspace.poly", "name: ws\nblocks:\n  - name: app\n    from: apx\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => temp.LoadAsync(allowMissing: true));

        Assert.StartsWith("add a block named 'apx'", Assert.Single(error.Diagnostics).Hint, StringComparison.Ordinal);
    }
}
