using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// Block files are read and parsed in parallel; what the load reports must not depend on which file finished first:
/// the diagnostics of the block files come in file order (ordinal paths), each file's as parsing it alone gives them,
/// with the same positions, and the model lists the blocks in that order too.
/// </summary>
public sealed class ParallelLoadOrderTests
{
    private const int Blocks = 48;

    [Fact]
    public async Task Several_bad_blocks_report_in_file_order_as_parsing_one_by_one_does()
    {
        using var workspace = BadBlocks();
        var expected = OneByOne(workspace);

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var ex = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());
            var fromBlocks = ex.Diagnostics.Where(d => d.Location.File.StartsWith(workspace.PathOf("blocks"), StringComparison.Ordinal)).ToList();
            Assert.Equal(expected, fromBlocks);
        }

        Assert.Contains(expected, d => d.Code == DiagnosticCodes.YamlSyntax);
        Assert.Contains(expected, d => d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public async Task A_loadable_workspace_gives_the_same_model_every_time()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        for (var i = 0; i < Blocks; i++)
        {
            workspace.Write($"blocks/b{i:D2}/block.poly", $"name: b{i:D2}\nconfig: {{n: {i}}}\nactions: [{{name: run, script: [echo {i}]}}]\nbogus{i}: 1\n");
        }

        var first = await workspace.LoadAsync();
        Assert.Equal(Enumerable.Range(0, Blocks).Select(i => $"b{i:D2}"), first.Workspace.Blocks.Select(b => b.Name).Order(StringComparer.Ordinal));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var again = await workspace.LoadAsync();
            Assert.Equal(first.Workspace.Blocks.Select(b => (b.Name, b.Location, b.Config.Entries.Count)), again.Workspace.Blocks.Select(b => (b.Name, b.Location, b.Config.Entries.Count)));
            Assert.Equal(first.Warnings, again.Warnings);
        }

        Assert.Equal(Blocks, first.Warnings.Count(w => w.Code == DiagnosticCodes.UnknownKey));
    }

    /// <summary>Every third block has a syntax error, every third an unknown key and a value of the wrong type.</summary>
    private static TempWorkspace BadBlocks()
    {
        var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        for (var i = 0; i < Blocks; i++)
        {
            workspace.Write($"blocks/b{i:D2}/block.poly", (i % 3) switch
            {
                0 => $"name: b{i:D2}\nconfig: {{a: [1, 2}}\n",
                1 => $"name: b{i:D2}\nversion: [1]\nunknown{i}: x\n",
                _ => $"name: b{i:D2}\n",
            });
        }

        return workspace;
    }

    private static List<Diagnostic> OneByOne(TempWorkspace workspace)
    {
        var result = new List<Diagnostic>();
        foreach (var path in Directory.GetFiles(workspace.PathOf("blocks"), "block.poly", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bag = new DiagnosticBag();
            BlockFileReader.Parse(path, File.ReadAllText(path), bag);
            result.AddRange(bag.Items);
        }

        return result;
    }
}
