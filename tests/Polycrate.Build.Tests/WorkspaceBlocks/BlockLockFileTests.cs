using Polycrate.Build.Diagnostics;
using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Tests.Registry;

namespace Polycrate.Build.Tests.WorkspaceBlocks;

public class BlockLockFileTests
{
    private static readonly string DigestA = "sha256:" + new string('a', 64);
    private static readonly string DigestB = "sha256:" + new string('b', 64);

    private static BlockLockEntry Entry(string repository, string digest, string? tag = "1.0") =>
        new(repository, tag, digest, repository[(repository.LastIndexOf('/') + 1)..], tag, "blocks/" + repository);

    [Fact]
    public void Serialized_text_parses_back_to_the_same_entries()
    {
        var lockFile = BlockLockFile.Empty
            .With(Entry("registry.acme-corp.com/acme/iot/edge-ota", DigestA, "0.1.0"))
            .With(new BlockLockEntry("127.0.0.1:5101/acme/by-digest", null, DigestB, "127.0.0.1:5101/acme/by-digest", null, "blocks/127.0.0.1:5101/acme/by-digest"));

        var parsed = BlockLockFile.Parse("blocks.lock", lockFile.Serialize());

        Assert.Equal(lockFile.Blocks, parsed.Blocks);
    }

    [Fact]
    public void Text_is_sorted_by_repository_and_independent_of_insertion_order()
    {
        var one = BlockLockFile.Empty.With(Entry("z.example.com/b", DigestA)).With(Entry("a.example.com/c", DigestB));
        var two = BlockLockFile.Empty.With(Entry("a.example.com/c", DigestB)).With(Entry("z.example.com/b", DigestA));

        Assert.Equal(one.Serialize(), two.Serialize());
        var text = one.Serialize();
        Assert.True(text.IndexOf("a.example.com/c", StringComparison.Ordinal) < text.IndexOf("z.example.com/b", StringComparison.Ordinal));
    }

    [Fact]
    public void Versions_that_look_like_numbers_are_quoted_so_yaml_readers_keep_them_strings()
    {
        var text = BlockLockFile.Empty.With(Entry("registry.example.com/x", DigestA, "1.0")).Serialize();

        Assert.Contains("tag: \"1.0\"", text, StringComparison.Ordinal);
        Assert.Contains("version: 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_replaces_the_entry_of_the_same_repository()
    {
        var lockFile = BlockLockFile.Empty.With(Entry("registry.example.com/x", DigestA)).With(Entry("registry.example.com/x", DigestB, "2.0"));

        var entry = Assert.Single(lockFile.Blocks);
        Assert.Equal((DigestB, "2.0"), (entry.Digest, entry.Tag));
    }

    [Fact]
    public void An_invalid_digest_is_reported_with_its_line()
    {
        var text = "version: 1\nblocks:\n  - repository: registry.example.com/x\n    digest: md5:abc\n    name: x\n    path: blocks/registry.example.com/x\n";

        var error = Assert.Throws<WorkspaceException>(() => BlockLockFile.Parse("/ws/blocks.lock", text));

        Assert.Equal(4, error.Location?.Line);
        Assert.Contains("md5:abc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_format_version_and_duplicate_repositories_are_refused()
    {
        var entry = $"  - repository: registry.example.com/x\n    digest: {DigestA}\n    name: x\n    path: p\n";

        Assert.Throws<WorkspaceException>(() => BlockLockFile.Parse("blocks.lock", "version: 2\nblocks: []\n"));
        var duplicate = Assert.Throws<WorkspaceException>(() => BlockLockFile.Parse("blocks.lock", "version: 1\nblocks:\n" + entry + entry));
        Assert.Contains("repository 'registry.example.com/x' is defined twice: first at blocks.lock:3:5, again at blocks.lock:7:5", duplicate.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workspace_without_lock_file_has_an_empty_lock_and_writing_leaves_no_temporary_file()
    {
        using var directory = new TempDirectory();

        Assert.Empty((await BlockLockFile.LoadAsync(directory.Path, CancellationToken.None)).Blocks);

        var lockFile = BlockLockFile.Empty.With(Entry("registry.example.com/x", DigestA));
        await lockFile.WriteAsync(directory.Path, CancellationToken.None);

        Assert.Equal([BlockLockFile.FileName], Directory.GetFiles(directory.Path).Select(Path.GetFileName));
        Assert.Equal(lockFile.Blocks, (await BlockLockFile.LoadAsync(directory.Path, CancellationToken.None)).Blocks);
    }
}
