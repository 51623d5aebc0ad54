using Polycrate.Build.FileTrees;

namespace Polycrate.Build.Tests.FileTrees;

public sealed class DockerIgnoreFileTests
{
    [Theory]
    // '*' stays inside one path segment; a rule matches the directories it names and everything below them.
    [InlineData("*.md", "README.md", true)]
    [InlineData("*.md", "docs/README.md", false)]
    [InlineData("*/*.md", "docs/README.md", true)]
    [InlineData("docs", "docs/a/b.txt", true)]
    [InlineData("docs", "docsx/a.txt", false)]
    // '**' spans any number of segments, none included.
    [InlineData("**/*.md", "README.md", true)]
    [InlineData("**/*.md", "a/b/c/README.md", true)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "a/x/y/bc", false)]
    [InlineData("docs/**", "docs/x/y", true)]
    [InlineData("docs/**", "docs", false)]
    [InlineData("**", "anything/at/all", true)]
    // '?' is exactly one character of a segment.
    [InlineData("temp?", "temp1", true)]
    [InlineData("temp?", "temp12", false)]
    [InlineData("temp?", "temp/", false)]
    // Leading '/' and './' are ignored; the pattern is path-cleaned.
    [InlineData("/build", "build/out.bin", true)]
    [InlineData("./build/", "build/out.bin", true)]
    [InlineData("a/../build", "build", true)]
    // Regex characters are literal, '\' escapes, classes work.
    [InlineData("file.txt", "fileXtxt", false)]
    [InlineData("a+b(c)", "a+b(c)", true)]
    [InlineData(@"star\*", "star*", true)]
    [InlineData(@"star\*", "starx", false)]
    [InlineData("log[0-9]", "log5", true)]
    [InlineData("log[0-9]", "logx", false)]
    public void Single_rules_match_like_the_Docker_CLI(string rule, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnoreFile.Parse(rule).IsExcluded(path));

    [Fact]
    public void Later_exceptions_re_include_and_later_rules_win()
    {
        var ignore = DockerIgnoreFile.Parse("""
            # comment line
            *.md

            !README.md
            docs
            !docs/keep.txt
            docs/keep.txt
            """);

        Assert.True(ignore.IsExcluded("CHANGES.md"));
        Assert.False(ignore.IsExcluded("README.md"));
        Assert.True(ignore.IsExcluded("docs/keep.txt"));
        Assert.True(ignore.IsExcluded("docs/other.txt"));
        Assert.False(ignore.IsExcluded("# comment line"));
        Assert.True(ignore.HasExceptions);
    }

    [Fact]
    public void Comments_blank_lines_and_a_byte_order_mark_are_not_rules()
    {
        var ignore = DockerIgnoreFile.Parse("\uFEFF# only a comment\r\n\r\n   \r\n");

        Assert.Empty(ignore.Rules);
        Assert.False(ignore.IsExcluded("anything"));
    }
}
