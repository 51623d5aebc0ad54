using Polycrate.Build.Graph;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Tests.Transactions;

/// <summary>Issue 12 item 2: a run log write that fails (disk full) leaves no temporary file.</summary>
public sealed class RunLogStoreFailureTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pcb-logs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static RunLog Log() => new()
    {
        TransactionId = Guid.NewGuid().ToString(),
        Workspace = "w",
        Command = "polycrate-build run a b",
        User = "u",
        Started = DateTimeOffset.Now,
        Finished = DateTimeOffset.Now,
        Status = "succeeded",
        ExitCode = 0,
        Version = "0",
        Targets = [new RunLogTarget("action:a:b", TargetKind.Action, "succeeded", 0, 1, null, null, "a", "b", null, null)],
    };

    /// <summary>Writes half the text, then fails as a full disk does.</summary>
    private sealed class DiskFull : ILogFileWriter
    {
        public async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
        {
            await File.WriteAllTextAsync(path, text[..(text.Length / 2)], cancellationToken);
            throw new IOException("No space left on device : '" + path + "'");
        }
    }

    [Fact]
    public async Task Failed_write_removes_its_temporary_file_and_reports_the_error()
    {
        var store = new RunLogStore(_root, ".logs", new DiskFull());

        await Assert.ThrowsAsync<IOException>(() => store.WriteAsync(Log(), CancellationToken.None));

        Assert.Empty(Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Successful_write_leaves_only_the_log()
    {
        var log = Log();

        var path = await new RunLogStore(_root, ".logs").WriteAsync(log, CancellationToken.None);

        Assert.Equal([path], Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories));
        Assert.True(new RunLogStore(_root, ".logs").Exists(log.TransactionId, log.Started));
    }
}
