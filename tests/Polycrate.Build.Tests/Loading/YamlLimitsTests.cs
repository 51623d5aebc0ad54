using System.Diagnostics;
using System.Text;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>Issue 12 item 3: hostile YAML ends in a PCB error at its position, with bounded work.</summary>
public sealed class YamlLimitsTests
{
    private const string BillionLaughs = """
        name: lol
        actions:
          - name: run
            script: [echo]
        config:
          a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]
          b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]
          c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]
          d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]
          e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]
          f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]
          g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]
          h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]
          i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """;

    [Fact]
    public async Task A_billion_laughs_block_is_refused_quickly_at_the_expanding_value()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\nblocks:\n  - name: lol\n");
        workspace.Write("blocks/lol/block.poly", BillionLaughs);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}"); // formerly 29 s and 3 GB, then out of memory
        var diagnostic = Assert.Single(error.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.YamlTooManyNodes, diagnostic.Code);
        Assert.Equal(workspace.PathOf("blocks/lol/block.poly"), diagnostic.Location.File);
        Assert.Equal(11, diagnostic.Location.Line); // f: 1,111,111 values > 500,000; e (111,111) is still fine
        Assert.Contains(InputLimits.YamlNodesVariable, diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void The_node_limit_can_be_raised_and_counts_aliases_expanded()
    {
        var text = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"; // root 1, key a 1 + [1,2,3] 4, key b 1 + [*a,*a,*a] 1+3*4: 20 values
        var tight = new DiagnosticBag();
        var loose = new DiagnosticBag();

        Assert.Null(YamlFile.Parse("x.poly", text, tight, new InputLimits { MaxYamlNodes = 19 }).Root);
        Assert.NotNull(YamlFile.Parse("x.poly", text, loose, new InputLimits { MaxYamlNodes = 20 }).Root);
        Assert.Equal(DiagnosticCodes.YamlTooManyNodes, Assert.Single(tight.Items).Code);
        Assert.Empty(loose.Items);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(30_000)]
    public void Deep_nesting_is_an_error_at_the_level_that_exceeds_the_limit(int depth)
    {
        var diagnostics = new DiagnosticBag();

        var file = YamlFile.Parse("/w/block.poly", "name: x\nconfig:\n  deep: " + new string('[', depth) + new string(']', depth) + "\n", diagnostics);

        Assert.Null(file.Root);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.YamlTooDeep, diagnostic.Code);
        Assert.Equal(new SourceLocation("/w/block.poly", 3, 9 + 98), diagnostic.Location); // root mapping 1, config 2: the 99th '[' is level 101
    }

    [Fact]
    public void Aliases_that_nest_deeper_than_the_limit_are_refused_without_recursing()
    {
        var text = new StringBuilder("a0: &a0 [x]\n");
        for (var i = 1; i < 5000; i++)
        {
            text.Append($"a{i}: &a{i} [*a{i - 1}]\n");
        }

        var diagnostics = new DiagnosticBag();
        var file = YamlFile.Parse("x.poly", text.ToString(), diagnostics);

        Assert.Null(file.Root);
        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.YamlTooDeep, diagnostic.Code);
        Assert.Equal(101, diagnostic.Location.Line); // a100 stands for 101 nested lists
    }

    [Fact]
    public void Limits_come_from_the_environment_and_a_bad_value_is_an_error()
    {
        var limits = InputLimits.FromEnvironment(name => name switch
        {
            InputLimits.YamlDepthVariable => "12",
            InputLimits.FileBytesVariable => "1024",
            _ => null,
        });

        Assert.Equal(12, limits.MaxYamlDepth);
        Assert.Equal(1024, limits.MaxFileBytes);
        Assert.Equal(InputLimits.Default.MaxYamlNodes, limits.MaxYamlNodes);
        var error = Assert.Throws<WorkspaceException>(() => InputLimits.FromEnvironment(name => name == InputLimits.YamlNodesVariable ? "lots" : null));
        Assert.Equal(DiagnosticCodes.InvalidLimit, error.Code);
        Assert.Equal(2, error.ExitCode);
    }
}
