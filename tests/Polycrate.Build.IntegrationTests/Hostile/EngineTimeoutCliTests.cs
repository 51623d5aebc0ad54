using System.Net.Sockets;

namespace Polycrate.Build.IntegrationTests.Hostile;

/// <summary>
/// `run` against an engine socket that accepts connections and never answers: today's silent endless wait becomes a
/// coded error naming the socket within the timeout (the real CLI process, DOCKER_HOST and POLYCRATE_DOCKER_TIMEOUT
/// in its environment). Needs no engine.
/// </summary>
public sealed class EngineTimeoutCliTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pcb-engine-timeout-" + Guid.NewGuid().ToString("N")[..12]);

    public EngineTimeoutCliTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "blocks", "jobs"));
        File.WriteAllText(Path.Combine(_root, "workspace.poly"), "name: silent\nblocks:\n  - name: jobs\n    actions:\n      - name: hello\n        script: [\"echo hello\"]\n");
        File.WriteAllText(Path.Combine(_root, "blocks", "jobs", "block.poly"), "name: jobs\n");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Run_against_a_silent_engine_socket_ends_with_an_error_naming_the_socket()
    {
        var socketPath = Path.Combine(_root, "silent.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(64); // connections complete in the backlog; nobody ever reads or answers

        var run = await CliProcess.RunAsync(["-w", _root, "run", "jobs", "hello"],
            new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix://" + socketPath, ["POLYCRATE_DOCKER_TIMEOUT"] = "2" },
            TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{run.Stderr}");
        Assert.Contains("PCB3012", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"unix://{socketPath} (DOCKER_HOST) accepted the connection but did not answer", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(60), $"took {run.Elapsed}");
    }

    [Fact]
    public async Task Run_against_a_missing_socket_says_the_socket_file_does_not_exist()
    {
        var socketPath = Path.Combine(_root, "absent.sock");

        var run = await CliProcess.RunAsync(["-w", _root, "run", "jobs", "hello"],
            new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix://" + socketPath }, TimeSpan.FromMinutes(2));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PCB3001", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"the socket file {socketPath} does not exist", run.Stderr + run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot assign requested address", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Sigterm_and_sigint_end_a_run_that_waits_for_a_silent_engine(string signal)
    {
        var socketPath = Path.Combine(_root, "silent.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen(64);
        using var process = CliProcess.Start(["-w", _root, "run", "jobs", "hello"],
            new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix://" + socketPath, ["POLYCRATE_DOCKER_TIMEOUT"] = "600" });
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.False(process.HasExited, "the run ended before the signal");

        using (var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        // Well below the 30 s create bound: a create waiting on the engine is cancelled, not waited out (it was, once the
        // run stopped inspecting the image before the create), and System.CommandLine's own 2 s SIGTERM handler
        // (exit 143) is off, so our grace period applies.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(limit.Token);
        Assert.True(process.ExitCode == 130, $"SIG{signal}: exit {process.ExitCode}: {await stderr}");
    }
}
