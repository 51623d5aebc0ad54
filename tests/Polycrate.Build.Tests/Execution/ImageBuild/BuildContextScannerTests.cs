using System.Formats.Tar;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.FileTrees;

namespace Polycrate.Build.Tests.Execution.ImageBuild;

public sealed class BuildContextScannerTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public BuildContextScannerTests()
    {
        _workspace.Write("Dockerfile.poly", "FROM polycrate-toolchain:bookworm-2\nCOPY . /workspace\n");
        _workspace.Write("workspace.poly", "name: acme\n");
        _workspace.Write("blocks/web/block.poly", "name: web\n");
        _workspace.Write("blocks/web/playbook.yml", "- hosts: all\n");
    }

    public void Dispose() => _workspace.Dispose();

    private Task<BuildContext> ScanAsync(params string[] additionalExcludes) =>
        BuildContextScanner.ScanAsync(_workspace.Root, "Dockerfile.poly", additionalExcludes, CancellationToken.None);

    private static IEnumerable<string> FilePaths(BuildContext context) =>
        context.Entries.Where(e => e.Kind != FileTreeEntryKind.Directory).Select(e => e.Path);

    [Fact]
    public async Task Hash_is_stable_for_unchanged_input()
    {
        var first = await ScanAsync();
        File.SetLastWriteTimeUtc(Path.Combine(_workspace.Root, "workspace.poly"), DateTime.UtcNow.AddDays(-3));
        var second = await ScanAsync();

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(64, first.Hash.Length);
        Assert.Equal(["Dockerfile.poly", "blocks/web/block.poly", "blocks/web/playbook.yml", "workspace.poly"], FilePaths(first));
    }

    [Fact]
    public async Task Hash_changes_with_content_mode_name_and_Dockerfile()
    {
        var hashes = new List<string> { (await ScanAsync()).Hash };

        _workspace.Write("blocks/web/playbook.yml", "- hosts: web\n");
        hashes.Add((await ScanAsync()).Hash);

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(_workspace.Root, "workspace.poly"), (UnixFileMode)Convert.ToInt32("755", 8));
            hashes.Add((await ScanAsync()).Hash);
        }

        File.Move(Path.Combine(_workspace.Root, "blocks/web/block.poly"), Path.Combine(_workspace.Root, "blocks/web/block2.poly"));
        hashes.Add((await ScanAsync()).Hash);

        _workspace.Write("Dockerfile.poly", "FROM polycrate-toolchain:bookworm-2\nRUN true\n");
        hashes.Add((await ScanAsync()).Hash);

        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    [Fact]
    public async Task Secrets_git_age_files_and_logs_are_never_in_the_context()
    {
        var before = await ScanAsync();
        _workspace.Write(".git/config", "[core]\n");
        _workspace.Write("blocks/web/.git/HEAD", "ref\n");
        _workspace.Write("artifacts/secrets/kubeconfig.yml", "token: s3cr3t\n");
        _workspace.Write("artifacts/secrets.age", "age");
        _workspace.Write("blocks/web/artifacts/secrets/password.txt.age", "age");
        _workspace.Write(".logs/2024/run.log", "output\n");
        _workspace.Write("id_rsa", "PRIVATE KEY");
        // Exceptions in .dockerignore cannot bring any of them back.
        _workspace.Write(".dockerignore", "!artifacts/secrets\n!**/*.age\n!.git\n!.logs\n");

        var context = await ScanAsync("id_rsa");

        Assert.Equal([".dockerignore", "Dockerfile.poly", "blocks/web/block.poly", "blocks/web/playbook.yml", "workspace.poly"], FilePaths(context));
        Assert.DoesNotContain(context.Entries, e => e.Path.Contains("secrets", StringComparison.Ordinal) || e.Path.Contains(".git", StringComparison.Ordinal) || e.Path.Contains(".logs", StringComparison.Ordinal));
        Assert.NotEqual(before.Hash, context.Hash); // .dockerignore itself is context
    }

    [Fact]
    public async Task Dockerignore_excludes_files_but_the_Dockerfile_and_ignore_file_are_always_sent()
    {
        _workspace.Write("notes/todo.md", "x");
        _workspace.Write("notes/keep.md", "x");
        _workspace.Write(".dockerignore", "notes\n!notes/keep.md\nDockerfile.poly\n.dockerignore\n");

        var context = await ScanAsync();

        Assert.Contains("Dockerfile.poly", FilePaths(context));
        Assert.Contains(".dockerignore", FilePaths(context));
        Assert.Contains("notes/keep.md", FilePaths(context));
        Assert.DoesNotContain("notes/todo.md", FilePaths(context));
        Assert.Equal(context.Entries.Select(e => e.Path).Order(StringComparer.Ordinal), context.Entries.Select(e => e.Path));
    }

    [Fact]
    public async Task Changes_to_ignored_files_do_not_change_the_hash()
    {
        _workspace.Write(".dockerignore", "scratch\n");
        _workspace.Write("scratch/tmp.txt", "1");
        var first = await ScanAsync();

        _workspace.Write("scratch/tmp.txt", "2");
        _workspace.Write("artifacts/secrets/new.txt", "secret");
        var second = await ScanAsync();

        Assert.Equal(first.Hash, second.Hash);
    }

    [Fact]
    public async Task Input_files_are_absolute_paths_of_the_sent_files()
    {
        var context = await ScanAsync();

        Assert.All(context.InputFiles, f => Assert.True(Path.IsPathRooted(f) && File.Exists(f), f));
        Assert.Equal(4, context.InputFiles.Count);
    }

    [Fact]
    public async Task A_missing_Dockerfile_is_invalid_input()
    {
        var ex = await Assert.ThrowsAsync<ContainerException>(() =>
            BuildContextScanner.ScanAsync(_workspace.Root, "Nope.poly", [], CancellationToken.None));

        Assert.Equal(ContainerErrorCodes.InvalidBuildContext, ex.Code);
        Assert.Equal(2, ex.ExitCode);
        Assert.Contains("Nope.poly", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_tar_is_deterministic_and_holds_exactly_the_context()
    {
        var first = await TarAsync(await ScanAsync());
        foreach (var file in Directory.EnumerateFiles(_workspace.Root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-5));
        }

        var second = await TarAsync(await ScanAsync());

        Assert.Equal(first, second);
        var names = new List<string>();
        using var reader = new TarReader(new MemoryStream(first));
        while (reader.GetNextEntry() is { } entry)
        {
            names.Add(entry.Name);
            Assert.Equal(0, entry.Uid);
            Assert.Equal(BuildContextTar.FixedModificationTime, entry.ModificationTime);
            if (entry.Name == "workspace.poly")
            {
                Assert.Equal("name: acme\n", new StreamReader(entry.DataStream!).ReadToEnd());
            }
        }

        Assert.Equal(["Dockerfile.poly", "blocks/", "blocks/web/", "blocks/web/block.poly", "blocks/web/playbook.yml", "workspace.poly"], names);
    }

    [Fact]
    public async Task Fifos_are_sent_as_empty_files_without_blocking()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(_workspace.Root, "pipe"));
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var context = await BuildContextScanner.ScanAsync(_workspace.Root, "Dockerfile.poly", [], timeout.Token).WaitAsync(timeout.Token);

        var pipe = Assert.Single(context.Entries, e => e.Path == "pipe");
        Assert.Equal(BuildContextScanner.EmptyContentHash, pipe.ContentHash);
        using var tar = new MemoryStream();
        await BuildContextTar.WriteAsync(context, tar, timeout.Token).WaitAsync(timeout.Token);
    }

    private static async Task<byte[]> TarAsync(BuildContext context)
    {
        using var buffer = new MemoryStream();
        await BuildContextTar.WriteAsync(context, buffer, CancellationToken.None);
        return buffer.ToArray();
    }
}
