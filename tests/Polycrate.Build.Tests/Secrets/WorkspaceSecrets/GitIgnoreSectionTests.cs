using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.Tests.Secrets.WorkspaceSecrets;

public sealed class GitIgnoreSectionTests
{
    [Fact]
    public void Appends_a_section_and_keeps_user_lines()
    {
        var text = GitIgnoreSection.Render("bin/\n# mine\nobj", ["artifacts/secrets/b", "artifacts/secrets/a"]);

        var lines = text.Split('\n');
        Assert.Equal(["bin/", "# mine", "obj", "", GitIgnoreSection.BeginMarker, "/artifacts/secrets/a", "/artifacts/secrets/b", GitIgnoreSection.EndMarker, ""], lines);
    }

    [Fact]
    public void Rerender_is_stable_and_replaces_only_the_section()
    {
        var first = GitIgnoreSection.Render("bin/\n", ["artifacts/secrets/a", "artifacts/secrets/a"]);
        Assert.Equal(first, GitIgnoreSection.Render(first, ["artifacts/secrets/a"]));

        var edited = first + "user-after\n";
        var second = GitIgnoreSection.Render(edited, ["artifacts/secrets/c"]);
        Assert.Contains("user-after", second, StringComparison.Ordinal);
        Assert.Contains("bin/", second, StringComparison.Ordinal);
        Assert.DoesNotContain("/artifacts/secrets/a", second, StringComparison.Ordinal);
        Assert.Single(second.Split('\n'), l => l == GitIgnoreSection.BeginMarker);
        Assert.DoesNotContain(".age", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Special_characters_are_escaped()
    {
        Assert.Equal(@"/artifacts/secrets/\#x\ \*\!", GitIgnoreSection.Pattern("artifacts/secrets/#x *!"));
    }

    [Fact]
    public async Task Update_reports_no_change_on_second_run()
    {
        var root = Directory.CreateTempSubdirectory("pcb-gitignore-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, ".gitignore"), "node_modules\n");
            Assert.True(await GitIgnoreSection.UpdateAsync(root, ["artifacts/secrets/x"], default));
            var after = await File.ReadAllTextAsync(Path.Combine(root, ".gitignore"));
            Assert.False(await GitIgnoreSection.UpdateAsync(root, ["artifacts/secrets/x"], default));
            Assert.Equal(after, await File.ReadAllTextAsync(Path.Combine(root, ".gitignore")));
            Assert.StartsWith("node_modules\n", after, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
