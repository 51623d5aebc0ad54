using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>Issue 12 item 3: names have a length limit, and messages cut long values and long lists.</summary>
public sealed class NamesAndMessagesTests
{
    [Theory]
    [InlineData("name: {0}\n", 1, 7)]
    [InlineData("name: ws\nblocks:\n  - name: {0}\n", 3, 11)]
    [InlineData("name: ws\nblocks:\n  - name: b\n    actions:\n      - name: {0}\n        script: [echo]\n", 5, 15)]
    [InlineData("name: ws\nblocks:\n  - name: b\n    actions: [{{name: a, script: [echo]}}]\nworkflows:\n  - name: {0}\n    steps: [{{name: s, block: b, action: a}}]\n", 6, 11)]
    [InlineData("name: ws\nblocks:\n  - name: b\n    actions: [{{name: a, script: [echo]}}]\nworkflows:\n  - name: w\n    steps:\n      - name: {0}\n        block: b\n        action: a\n", 8, 15)]
    public async Task A_name_longer_than_the_limit_is_an_error_at_its_position_and_the_message_stays_short(string template, int line, int column)
    {
        using var workspace = new TempWorkspace();
        var name = new string('n', 300_000);
        workspace.Write("workspace.poly", string.Format(System.Globalization.CultureInfo.InvariantCulture, template, name));

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        var diagnostic = Assert.Single(error.Diagnostics, d => d.Code == DiagnosticCodes.InvalidValue);
        Assert.Equal(new SourceLocation(workspace.PathOf("workspace.poly"), line, column), diagnostic.Location);
        Assert.Contains("300,000 characters", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("at most", diagnostic.Hint, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 2000, $"message of {error.Message.Length} characters");
    }

    [Fact]
    public void Names_up_to_the_limit_are_valid()
    {
        Assert.True(Names.IsValidName(new string('a', Names.MaxNameLength)));
        Assert.False(Names.IsValidName(new string('a', Names.MaxNameLength + 1)));
        Assert.True(Names.IsValidBlockName("registry.example.com/" + new string('a', Names.MaxBlockNameLength - 21)));
        Assert.False(Names.IsValidBlockName(new string('a', Names.MaxBlockNameLength + 1)));
    }

    [Fact]
    public async Task Known_blocks_are_listed_up_to_a_cap()
    {
        using var workspace = new TempWorkspace();
        var blocks = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"  - name: block-with-a-rather-long-name-{i:D6}\n"));
        workspace.Write("workspace.poly", "name: ws\nblocks:\n" + blocks);
        var loaded = (await workspace.LoadAsync()).Workspace;

        var error = Assert.Throws<NotFoundException>(() => Lookup.Block(loaded, "nope"));

        Assert.Contains("block-with-a-rather-long-name-000000", error.Message, StringComparison.Ordinal);
        Assert.Contains($"and {20_000 - MessageText.MaxListItems:N0} more", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 2500, $"message of {error.Message.Length} characters"); // formerly about 1 MB
    }

    [Fact]
    public void Message_text_cuts_values_and_lists()
    {
        Assert.Equal("short", MessageText.Cut("short"));
        Assert.Equal(new string('x', 80) + "… (1,000 characters)", MessageText.Cut(new string('x', 1000)));
        Assert.Equal("(none)", MessageText.List([]));
        Assert.Equal("a, b and 3 more", MessageText.List(["a", "b", "c", "d", "e"], maxItems: 2));
    }

    [Fact]
    public async Task Thousands_of_diagnostics_are_capped_in_the_message_but_all_kept()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n" + string.Concat(Enumerable.Range(0, 3000).Select(i => $"unknown{i}: 1\n")));

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync(strict: true));

        Assert.Equal(3000, error.Diagnostics.Count);
        Assert.Contains($"and {3000 - WorkspaceException.MaxDiagnosticsShown} more", error.Message, StringComparison.Ordinal);
    }
}
