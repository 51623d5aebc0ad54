using Polycrate.Build.FileTrees;

namespace Polycrate.Build.Tests.FileTrees;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class FileTreeWalkerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-walker-").FullName;

    public FileTreeWalkerTests()
    {
        Write("a-b.txt", "1");
        Write("a/x.txt", "22");
        Write("a/secret.key", "3");
        Write("only-secrets/secret.key", "4");
        Directory.CreateDirectory(Path.Combine(_root, "empty"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "link-to-a"), "a");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Lists_in_ordinal_path_order_and_never_follows_links()
    {
        var entries = Walk((_, _) => WalkDecision.Include, dropEmptiedDirectories: false);

        // '-' sorts before '/', so "a-b.txt" comes before "a/x.txt" although a pre-order walk meets "a" first.
        Assert.Equal(["a", "a-b.txt", "a/secret.key", "a/x.txt", "empty", "link-to-a", "only-secrets", "only-secrets/secret.key"], entries.Select(e => e.Path));
        var link = entries.Single(e => e.Path == "link-to-a");
        Assert.Equal((FileTreeEntryKind.SymbolicLink, "a", 0L), (link.Kind, link.LinkTarget, link.Length));
        Assert.Equal(2, entries.Single(e => e.Path == "a/x.txt").Length);
    }

    [Fact]
    public void Drops_directories_emptied_by_exclusion_but_keeps_empty_ones_when_asked()
    {
        var decide = (string path, bool _) => path.EndsWith(".key", StringComparison.Ordinal) ? WalkDecision.Exclude : WalkDecision.Include;

        Assert.Equal(["a", "a-b.txt", "a/x.txt", "empty", "link-to-a"], Walk(decide, dropEmptiedDirectories: true).Select(e => e.Path));
        Assert.Contains("only-secrets", Walk(decide, dropEmptiedDirectories: false).Select(e => e.Path));
    }

    [Fact]
    public void Looks_inside_a_directory_it_leaves_out_only_when_told_to()
    {
        var entries = Walk((path, _) => path == "a" ? WalkDecision.ExcludeButLookInside : path == "only-secrets" ? WalkDecision.Exclude : WalkDecision.Include, false);

        Assert.Equal(["a-b.txt", "a/secret.key", "a/x.txt", "empty", "link-to-a"], entries.Select(e => e.Path));
    }

    private IReadOnlyList<FileTreeEntry> Walk(Func<string, bool, WalkDecision> decide, bool dropEmptiedDirectories) =>
        FileTreeWalker.Walk(_root, decide, dropEmptiedDirectories, CancellationToken.None);

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
