using System.Diagnostics;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Loading;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Loading;

/// <summary>Issue 12 item 3: workspace.poly / block.poly are read only when they are regular files within the size limit.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PolyFileReadingTests
{
    [Fact]
    public async Task A_workspace_poly_linked_to_dev_zero_is_refused_without_reading()
    {
        using var workspace = new TempWorkspace();
        File.CreateSymbolicLink(workspace.PathOf("workspace.poly"), "/dev/zero");
        var before = GC.GetTotalAllocatedBytes();

        var error = await Assert.ThrowsAsync<WorkspaceException>(() => workspace.LoadAsync());

        Assert.True(GC.GetTotalAllocatedBytes() - before < 64 * 1024 * 1024, "read /dev/zero"); // formerly 4.6 GB, then an abort
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotReadable, diagnostic.Code);
        Assert.Equal(workspace.PathOf("workspace.poly"), diagnostic.Location.File);
        Assert.Contains("not a regular file", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
    }

    [Fact]
    public async Task A_workspace_poly_that_is_a_fifo_is_refused_without_blocking()
    {
        using var workspace = new TempWorkspace();
        MakeFifo(workspace.PathOf("workspace.poly"));

        var load = workspace.LoadAsync();
        var finished = await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(load, finished); // formerly blocked forever, deaf to SIGTERM
        var error = await Assert.ThrowsAsync<WorkspaceException>(() => load);
        Assert.Equal(DiagnosticCodes.FileNotReadable, Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public async Task A_block_poly_that_is_a_fifo_is_refused_at_its_path()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\n");
        Directory.CreateDirectory(workspace.PathOf("blocks/pipe"));
        MakeFifo(workspace.PathOf("blocks/pipe/block.poly"));

        var load = workspace.LoadAsync();
        Assert.Same(load, await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(20))));
        var error = await Assert.ThrowsAsync<WorkspaceException>(() => load);

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotReadable, diagnostic.Code);
        Assert.Equal(workspace.PathOf("blocks/pipe/block.poly"), diagnostic.Location.File);
    }

    [Fact]
    public async Task A_file_above_the_size_limit_names_the_file_and_the_limit()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("workspace.poly", "name: ws\ndescription: " + new string('x', 5000) + "\n");

        var error = await Assert.ThrowsAsync<WorkspaceException>(() =>
            new WorkspaceLoader().LoadAsync(workspace.Root, new LoadOptions { Limits = new InputLimits { MaxFileBytes = 4096 } }, CancellationToken.None));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.FileNotReadable, diagnostic.Code);
        Assert.Equal(workspace.PathOf("workspace.poly"), diagnostic.Location.File);
        Assert.Contains("4096 bytes", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(InputLimits.FileBytesVariable, diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_symlink_to_a_regular_file_is_still_read()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("real.poly", "name: linked\n");
        File.CreateSymbolicLink(workspace.PathOf("workspace.poly"), workspace.PathOf("real.poly"));

        var result = await workspace.LoadAsync();

        Assert.Equal("linked", result.Workspace.Name);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
