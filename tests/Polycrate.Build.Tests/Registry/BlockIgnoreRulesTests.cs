using Polycrate.Build.Registry.Archive;

namespace Polycrate.Build.Tests.Registry;

public class BlockIgnoreRulesTests
{
    [Theory]
    [InlineData(".git", true, true)]
    [InlineData("sub/.git", true, true)]
    [InlineData("artifacts", true, true)]
    [InlineData("roles/x/artifacts", true, false)]
    [InlineData("secrets.yml.age", false, true)]
    [InlineData("deep/key.age", false, true)]
    [InlineData("block.poly", false, false)]
    public void Built_in_exclusions(string path, bool isDirectory, bool ignored)
    {
        Assert.Equal(ignored, BlockIgnoreRules.Parse([]).IsIgnored(path, isDirectory));
    }

    [Theory]
    [InlineData("notes.tmp", false, true)]
    [InlineData("a/b/notes.tmp", false, true)]
    [InlineData("keep.tmp", false, false)]
    [InlineData("build", true, true)]
    [InlineData("build", false, false)]
    [InlineData("docs/build", true, true)]
    [InlineData("local/x.txt", false, true)]
    [InlineData("sub/local/x.txt", false, false)]
    [InlineData("cache/a/b/c.bin", false, true)]
    [InlineData("x/y/z.log", false, true)]
    [InlineData("file1.txt", false, true)]
    [InlineData("file10.txt", false, false)]
    [InlineData("block.poly", false, false)]
    public void Gitignore_subset(string path, bool isDirectory, bool ignored)
    {
        var rules = BlockIgnoreRules.Parse(
        [
            "# comment",
            "",
            "*.tmp",
            "!keep.tmp",
            "build/",
            "/local/x.txt",
            "cache/**",
            "**/*.log",
            "file[0-9].txt",
        ]);

        Assert.Equal(ignored, rules.IsIgnored(path, isDirectory));
    }

    [Fact]
    public void Negation_cannot_reinclude_builtins()
    {
        var rules = BlockIgnoreRules.Parse(["!*.age", "!.git"]);

        Assert.True(rules.IsIgnored("secret.age", false));
        Assert.True(rules.IsIgnored(".git", true));
    }
}
