using System.Diagnostics;
using System.Globalization;
using Polycrate.Build.IntegrationTests.Execution.Runs;

namespace Polycrate.Build.IntegrationTests.Crash;

/// <summary>
/// Issue 12 item 2: a run whose log cannot be written because the disk is full (a real, full 16 KiB tmpfs mounted
/// at the workspace's <c>.logs</c>) warns and leaves no temporary file. Needs root for <c>mount</c>, as the CI machine has.
/// </summary>
public sealed class RunLogDiskFullTests : IDisposable
{
    private readonly TestWorkspace _workspace = TestWorkspace.Create("""
        blocks:
          - name: app
            actions:
              - name: quick
                script:
                  - echo quick done
        """);

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Full_disk_while_writing_the_run_log_leaves_no_temporary_file()
    {
        _workspace.Write("blocks/app/block.poly", "name: app\n");
        var logs = _workspace.PathOf(".logs");
        Directory.CreateDirectory(logs);
        await RunAsync("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", logs);
        try
        {
            foreach (var day in new[] { -1, 0, 1 }.Select(d => DateTimeOffset.Now.AddDays(d)))
            {
                Directory.CreateDirectory(Path.Combine(logs, day.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)));
            }

            await FillAsync(Path.Combine(logs, "fill"));

            var run = await _workspace.RunAsync("run", "app", "quick", "--runtime", "host");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Could not write the run log", run.Stderr, StringComparison.Ordinal);
            Assert.Contains("No space left on device", run.Stderr, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(logs, "*.tmp", SearchOption.AllDirectories));
            Assert.Empty(Directory.EnumerateFiles(logs, "*.yml", SearchOption.AllDirectories));
        }
        finally
        {
            await RunAsync("umount", logs);
        }
    }

    /// <summary>Writes until the file system reports that it is full.</summary>
    private static Task FillAsync(string path)
    {
        // Unbuffered, so nothing is left to flush (and fail) when the file is closed.
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        try
        {
            while (true)
            {
                file.Write(new byte[1024]);
            }
        }
        catch (IOException)
        {
            // Full.
        }

        return Task.CompletedTask;
    }

    private static async Task RunAsync(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command}");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} failed (this test needs root): {error}");
    }
}
