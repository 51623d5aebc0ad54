using Polycrate.Build.WorkspaceBlocks;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.WorkspaceBlocks;

/// <summary>The blocks lock is exclusive (flock), times out with a coded message, and is free again once released.</summary>
public sealed class WorkspaceFileLockTests : IDisposable
{
    private readonly TempWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task A_held_lock_makes_a_second_taker_wait_then_fail_with_the_lock_file_and_the_variable()
    {
        using (await WorkspaceFileLock.AcquireAsync(_workspace.Root, TimeSpan.FromSeconds(1), CancellationToken.None))
        {
            var error = await Assert.ThrowsAsync<WorkspaceLockException>(() =>
                WorkspaceFileLock.AcquireAsync(_workspace.Root, TimeSpan.FromMilliseconds(300), CancellationToken.None));

            Assert.Equal("PCB7010", error.Code);
            Assert.Contains(Path.Combine(_workspace.Root, WorkspaceFileLock.FileName), error.Message, StringComparison.Ordinal);
            Assert.Contains("POLYCRATE_LOCK_TIMEOUT", error.Message, StringComparison.Ordinal);
        }

        using var again = await WorkspaceFileLock.AcquireAsync(_workspace.Root, TimeSpan.FromMilliseconds(300), CancellationToken.None);
    }

    [Fact]
    public async Task A_waiting_taker_gets_the_lock_when_the_holder_releases_it()
    {
        var holder = await WorkspaceFileLock.AcquireAsync(_workspace.Root, TimeSpan.FromSeconds(1), CancellationToken.None);
        var waiter = WorkspaceFileLock.AcquireAsync(_workspace.Root, TimeSpan.FromSeconds(30), CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiter.IsCompleted);

        holder.Dispose();

        using var acquired = await waiter.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
