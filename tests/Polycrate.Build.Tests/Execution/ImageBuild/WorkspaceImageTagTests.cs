using System.Text.RegularExpressions;
using Polycrate.Build.Execution.ImageBuild;

namespace Polycrate.Build.Tests.Execution.ImageBuild;

public sealed class WorkspaceImageTagTests
{
    // Repository path component and tag grammar of the distribution reference spec.
    private static readonly Regex ValidReference = new(
        "^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*:[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$");

    private const string Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("acme", "polycrate-workspace-acme:0123456789abcdef")]
    [InlineData("Acme Corp_Prod", "polycrate-workspace-acme-corp-prod:0123456789abcdef")]
    [InlineData("--EDGE..Fleet--", "polycrate-workspace-edge-fleet:0123456789abcdef")]
    [InlineData("ÄÖÜ", "polycrate-workspace-workspace:0123456789abcdef")]
    public void Tags_are_valid_whatever_the_workspace_name(string name, string expected)
    {
        var tag = WorkspaceImageTag.For(name, Hash);

        Assert.Equal(expected, tag);
        Assert.Matches(ValidReference, tag);
    }

    [Fact]
    public void Very_long_names_are_shortened()
    {
        var tag = WorkspaceImageTag.For(new string('a', 300), Hash);

        Assert.Matches(ValidReference, tag);
        Assert.True(tag.Length < 160);
    }
}
