using System.Text.RegularExpressions;
using Polycrate.Build.FileTrees;

namespace Polycrate.Build.Tests.FileTrees;

public sealed class GlobRegexTests
{
    [Theory]
    // Shared: '*' and '?' stay inside a segment, "**/" spans whole segments, '\' escapes.
    [InlineData("*.md", "a/b.md", false, false)]
    [InlineData("a/**/b", "a/x/y/b", true, true)]
    [InlineData("a/**/b", "a/b", true, true)]
    [InlineData(@"star\*", "star*", true, true)]
    [InlineData("x?", "x/", false, false)]
    // Where they differ: "**" inside a segment (Docker: whole segments; gitignore: anything) ...
    [InlineData("a**b", "a/x/b", true, true)]
    [InlineData("a**b", "axb", false, true)]
    // ... and '[!…]' (gitignore: complement; Docker: the regex class as written, '!' a member).
    [InlineData("[!x]", "y", false, true)]
    [InlineData("[!x]", "x", true, false)]
    public void The_dialects_agree_except_on_inner_double_stars_and_negated_classes(string glob, string path, bool docker, bool gitignore)
    {
        Assert.Equal(docker, Matches(glob, GlobDialect.Docker, path));
        Assert.Equal(gitignore, Matches(glob, GlobDialect.Gitignore, path));
    }

    private static bool Matches(string glob, GlobDialect dialect, string path) =>
        Regex.IsMatch(path, "^" + GlobRegex.Translate(glob, dialect) + "$", RegexOptions.CultureInvariant);
}
