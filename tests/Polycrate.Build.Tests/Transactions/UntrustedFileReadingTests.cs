using System.Diagnostics;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Tests.Support;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Tests.Transactions;

/// <summary>
/// Issue 12 item 3 ("read only regular files, with a size limit") for the other files a repository controls:
/// <c>blocks.lock</c> and the run logs read by <c>logs list</c> / <c>logs inspect</c>. A FIFO must neither block nor be
/// opened, a link to <c>/dev/zero</c> must not be read, an oversized file is refused, each with PCB1042 at the path.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UntrustedFileReadingTests : IDisposable
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(20);
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task A_blocks_lock_that_is_a_fifo_is_refused_at_its_path_without_blocking()
    {
        MakeFifo(_ws.PathOf(BlockLockFile.FileName));

        var load = Task.Run(() => BlockLockFile.LoadAsync(_ws.Root, CancellationToken.None, InputLimits.Default));

        Assert.Same(load, await Task.WhenAny(load, Task.Delay(NoHang)));
        var error = await Assert.ThrowsAsync<WorkspaceException>(() => load);
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotReadable, diagnostic.Code);
        Assert.Equal(_ws.PathOf(BlockLockFile.FileName), diagnostic.Location.File);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public async Task A_blocks_lock_linked_to_dev_zero_or_dangling_is_refused()
    {
        File.CreateSymbolicLink(_ws.PathOf(BlockLockFile.FileName), "/dev/zero");
        var before = GC.GetTotalAllocatedBytes();

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => BlockLockFile.LoadAsync(_ws.Root, CancellationToken.None, InputLimits.Default));

        Assert.True(GC.GetTotalAllocatedBytes() - before < 64 * 1024 * 1024, "read /dev/zero");
        Assert.Equal(DiagnosticCodes.FileNotReadable, Assert.Single(error.Diagnostics).Code);

        File.Delete(_ws.PathOf(BlockLockFile.FileName));
        File.CreateSymbolicLink(_ws.PathOf(BlockLockFile.FileName), _ws.PathOf("gone"));
        var dangling = await Assert.ThrowsAsync<WorkspaceException>(() => BlockLockFile.LoadAsync(_ws.Root, CancellationToken.None, InputLimits.Default));
        Assert.Contains("not a regular file", Assert.Single(dangling.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocks_lock_above_the_size_limit_names_the_limit_a_small_one_is_read()
    {
        var entry = $"  - repository: r.example/a\n    digest: sha256:{new string('a', 64)}\n    name: r.example/a\n    path: blocks/r.example/a\n";
        _ws.Write(BlockLockFile.FileName, "version: 1\nblocks:\n" + entry);

        var small = await BlockLockFile.LoadAsync(_ws.Root, CancellationToken.None, InputLimits.Default);
        var error = await Assert.ThrowsAsync<WorkspaceException>(() => BlockLockFile.LoadAsync(_ws.Root, CancellationToken.None, new InputLimits { MaxFileBytes = 64 }));

        Assert.Equal("r.example/a", Assert.Single(small.Blocks).Repository);
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotReadable, diagnostic.Code);
        Assert.Contains("64 bytes", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(InputLimits.FileBytesVariable, diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_list_skips_a_fifo_a_device_link_and_an_oversized_log_and_names_each()
    {
        var store = new RunLogStore(_ws.Root, ".logs", maxFileBytes: 4096);
        var good = await store.WriteAsync(Log("11111111-0000-0000-0000-000000000000"), CancellationToken.None);
        var folder = Path.GetDirectoryName(good)!;
        MakeFifo(Path.Combine(folder, "22222222-fifo.yml"));
        File.CreateSymbolicLink(Path.Combine(folder, "33333333-zero.yml"), "/dev/zero");
        File.WriteAllText(Path.Combine(folder, "44444444-big.yml"), "transaction: x\noutput: " + new string('x', 5000) + "\n");
        var skipped = new List<Diagnostic>();

        var list = Task.Run(() => store.List(skipped.Add));
        Assert.Same(list, await Task.WhenAny(list, Task.Delay(NoHang)));

        Assert.Equal("11111111-0000-0000-0000-000000000000", Assert.Single(await list).TransactionId);
        // The symlink is never followed (only regular files below the logs folder are candidates).
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, d => Assert.Equal(DiagnosticCodes.FileNotReadable, d.Code));
        Assert.Contains(skipped, d => d.Location.File.EndsWith("22222222-fifo.yml", StringComparison.Ordinal));
        var big = Assert.Single(skipped, d => d.Location.File.EndsWith("44444444-big.yml", StringComparison.Ordinal));
        Assert.Contains("POLYCRATE_MAX_LOG_FILE_BYTES", big.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_inspect_of_an_unreadable_log_is_pcb1042_at_the_file_others_are_found()
    {
        var store = new RunLogStore(_ws.Root, ".logs");
        var good = await store.WriteAsync(Log("55555555-0000-0000-0000-000000000000"), CancellationToken.None);
        var fifo = Path.Combine(Path.GetDirectoryName(good)!, "66666666-0000-0000-0000-000000000000.yml");
        MakeFifo(fifo);

        var find = Task.Run(() => store.Find("6666"));
        Assert.Same(find, await Task.WhenAny(find, Task.Delay(NoHang)));
        var error = await Assert.ThrowsAsync<WorkspaceException>(() => find);

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotReadable, diagnostic.Code);
        Assert.Equal(fifo, diagnostic.Location.File);
        Assert.Equal("succeeded", store.Find("5555")!.Status);
    }

    [Fact]
    public async Task A_symlinked_folder_in_the_logs_is_not_followed()
    {
        var store = new RunLogStore(_ws.Root, ".logs");
        var good = await store.WriteAsync(Log("77777777-0000-0000-0000-000000000000"), CancellationToken.None);
        // A loop: following it would enumerate without end (or until the path is too long).
        Directory.CreateSymbolicLink(Path.Combine(Path.GetDirectoryName(good)!, "loop"), _ws.PathOf(".logs"));

        var entries = store.List();

        Assert.Equal(good, Assert.Single(entries).Path);
    }

    private static RunLog Log(string transactionId) => new()
    {
        TransactionId = transactionId, Workspace = "ws", Command = "polycrate-build run app use", User = "u", Started = DateTimeOffset.Now,
        Finished = DateTimeOffset.Now, Status = "succeeded", ExitCode = 0, Version = "0", Targets = [],
    };

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
