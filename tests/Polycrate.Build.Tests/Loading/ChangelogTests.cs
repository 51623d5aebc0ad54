using Polycrate.Build.Diagnostics;
using Polycrate.Build.Engine;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>
/// A block's CHANGELOG.poly is read (Polycrate reference §4) and shown where Polycrate shows it (blocks inspect, the
/// snapshot's block); malformed content is a warning at its file:line:col, never silently ignored, and never stops the load.
/// </summary>
public sealed class ChangelogTests
{
    private const string Block = "name: base\nversion: 1.0.1\nactions: [{name: run, script: [echo]}]\n";

    [Fact]
    public async Task CHANGELOG_poly_is_read_and_shown_by_blocks_inspect()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", Block + "changelog: [{version: 0.0.1, date: '2020-01-01', type: major}]\n");
        workspace.Write("blocks/base/CHANGELOG.poly", """
            - version: 1.0.1
              date: "2026-11-30"
              type: patch
              message: Fix the backup path
              email: ops@acme.example
            - {version: 1.0.0, date: "2026-10-01", type: major, description: First release}
            """);
        workspace.Write("workspace.poly", "name: ws\n");

        var result = await workspace.LoadAsync();
        var view = await new PolycrateEngine(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance)
            .InspectBlockAsync(new WorkspaceRequest(workspace.Root), "base", CancellationToken.None);

        Assert.Empty(result.Warnings);
        var changelog = result.Workspace.FindBlock("base")!.Changelog;
        Assert.Equal(["1.0.1", "1.0.0"], changelog.Select(e => e.Version));
        Assert.Equal(new Model.BlockChangelogEntry("1.0.1", "2026-11-30", "patch", null, "Fix the backup path", "ops@acme.example"), changelog[0]);
        var yaml = Serialization.ConfigYamlWriter.Write(view.Value);
        Assert.Contains("changelog:", yaml, StringComparison.Ordinal);
        Assert.Contains("message: Fix the backup path", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0.1", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_entries_are_warnings_at_their_position_and_the_good_ones_are_kept()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", Block);
        workspace.Write("blocks/base/CHANGELOG.poly", "- version: 1.0.1\n  date: \"2026-11-30\"\n  type: patch\n  autor: me\n- just a line\n- {version: [1], type: minor}\n");
        workspace.Write("workspace.poly", "name: ws\n");

        var result = await workspace.LoadAsync();

        var file = workspace.PathOf("blocks/base/CHANGELOG.poly");
        Assert.All(result.Warnings, w => Assert.Equal(DiagnosticCodes.ChangelogInvalid, w.Code));
        Assert.Equal([(4, 3), (5, 3), (6, 13)], result.Warnings.Select(w => (w.Location.Line, w.Location.Column)));
        Assert.All(result.Warnings, w => Assert.Equal(file, w.Location.File));
        Assert.Contains("'autor'", result.Warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal(["1.0.1", null], result.Workspace.FindBlock("base")!.Changelog.Select(e => e.Version));
        await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync(strict: true));
    }

    [Theory]
    [InlineData("version: 1.0.1\n", 1, 1)]
    [InlineData("- [unclosed\n", 2, 1)]
    public async Task A_changelog_that_is_no_list_or_no_YAML_is_a_warning_not_a_failed_load(string text, int line, int column)
    {
        using var workspace = new TempWorkspace();
        workspace.Write("blocks/base/block.poly", Block);
        workspace.Write("blocks/base/CHANGELOG.poly", text);
        workspace.Write("workspace.poly", "name: ws\n");

        var result = await workspace.LoadAsync();

        var warning = Assert.Single(result.Warnings);
        Assert.Equal(DiagnosticCodes.ChangelogInvalid, warning.Code);
        Assert.Equal(new SourceLocation(workspace.PathOf("blocks/base/CHANGELOG.poly"), line, column), warning.Location);
        Assert.Empty(result.Workspace.FindBlock("base")!.Changelog);
    }
}
