using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.SharedContainers;
using Polycrate.Build.IntegrationTests.Execution.Docker;
using Polycrate.Build.Model;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>
/// The shared-container runtime on the engine itself: a step costs exactly one exec (its leftover check runs inside it),
/// a step that leaves traces gets the next step a fresh container, and the wrapper around the step's command changes
/// nothing the step sees (argv, environment, working directory, staged files, exit code, output).
/// </summary>
[Collection(RunsCollection.Name)]
public sealed class SharedContainerExecTests(RunEnvironmentFixture fixture) : IDisposable
{
    private readonly string _run = Directory.CreateTempSubdirectory("pcb-shared-exec-").FullName;
    private readonly string _label = "pcb-shared-exec-" + Guid.NewGuid().ToString("N")[..8];
    private int _steps;

    private ActionLaunch Step(string script, string snapshot = "step: x\n")
    {
        var directory = Path.Combine(_run, "step-" + Interlocked.Increment(ref _steps));
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "snapshot.yml"), snapshot);
        return new ActionLaunch
        {
            Command = ["bash", "-c", script, "step-argv0", "arg 1"],
            WorkingDirectory = "/etc",
            Environment = [new EnvironmentEntry("STEP_VALUE", "value with spaces")],
            Image = DockerEngineFixture.ToolchainImage,
            PrivateDirectory = directory,
            Mounts = [new MountEntry(Path.Combine(directory, "snapshot.yml"), "/run/polycrate/snapshot.yml", ReadOnly: true)],
            Labels = new Dictionary<string, string> { ["polycrate.workspace"] = _label },
        };
    }

    private static async Task<(int ExitCode, List<string> Lines)> RunAsync(SharedContainerRuntime runtime, ActionLaunch launch)
    {
        var lines = new List<string>();
        var code = await runtime.RunAsync(launch, (line, stderr) => { lock (lines) { lines.Add((stderr ? "err: " : "") + line); } }, CancellationToken.None);
        return (code, lines);
    }

    private async Task<int> ContainersAsync() =>
        (await fixture.Docker.ListContainersAsync(new Dictionary<string, string> { ["polycrate.workspace"] = _label }, CancellationToken.None)).Count;

    [Fact]
    public async Task Each_step_costs_one_exec_and_sees_exactly_its_own_command_environment_directory_and_files()
    {
        await using var runtime = new SharedContainerRuntime(fixture.Docker, _run, NullLoggerFactory.Instance);
        const string Show = "echo \"argv0=$0 arg1=$1 value=$STEP_VALUE pwd=$(pwd) snapshot=$(cat /run/polycrate/snapshot.yml) ppid=$PPID\"; "
            + "cut -d' ' -f22 /proc/1/stat; echo to-stderr >&2; printf 'no newline'; exit 3";
        var results = new List<(int ExitCode, List<string> Lines, long Execs)>();
        for (var i = 0; i < 3; i++)
        {
            var before = fixture.Docker.ExecCount;
            var (code, lines) = await RunAsync(runtime, Step(Show, $"step: {i}\n"));
            results.Add((code, lines, fixture.Docker.ExecCount - before));
        }

        for (var i = 0; i < 3; i++)
        {
            var (code, lines, execs) = results[i];
            Assert.Equal(1, execs);
            Assert.Equal(3, code);
            // stdout and stderr are separate pipes the engine copies independently: order only within one stream.
            var stdout = StdoutOf(lines);
            // The exec's process is the step's command itself (the wrapper replaced itself): its parent is outside the container.
            Assert.Equal($"argv0=step-argv0 arg1=arg 1 value=value with spaces pwd=/etc snapshot=step: {i} ppid=0", stdout[0]);
            Assert.Contains("err: to-stderr", lines);
            Assert.Equal("no newline", stdout[^1]);
            Assert.DoesNotContain(lines, l => l.Contains("polycrate-step", StringComparison.Ordinal));
        }

        // One container served all three (its PID 1 started once).
        Assert.Single(results.Select(r => StdoutOf(r.Lines)[1]).Distinct());
        Assert.Equal(1, await ContainersAsync());
    }

    [Theory]
    [InlineData("echo left > /tmp/left-file")]
    [InlineData("mkdir -p /var/tmp/a/b && touch /var/tmp/a/b/c")]
    [InlineData("echo left > ~/left-in-home")]
    [InlineData("(exec -a pcb-left-process sleep 300) > /dev/null 2>&1 &")]
    public async Task A_step_that_leaves_a_trace_gets_the_next_step_a_fresh_container(string litter)
    {
        await using var runtime = new SharedContainerRuntime(fixture.Docker, _run, NullLoggerFactory.Instance);
        const string Where = "cut -d' ' -f22 /proc/1/stat; ls /tmp /var/tmp; ls -A ~ | grep -c left || true; grep -ls 'pcb-left-proces[s]' /proc/[0-9]*/cmdline | wc -l";
        var first = await RunAsync(runtime, Step(Where));
        var second = await RunAsync(runtime, Step(Where));
        var littered = await RunAsync(runtime, Step(litter + "\necho littered"));
        var after = await RunAsync(runtime, Step(Where));

        Assert.Equal(first.Lines[0], second.Lines[0]);
        Assert.Equal(["littered"], littered.Lines);
        Assert.NotEqual(second.Lines[0], after.Lines[0]);
        // The fresh container shows what the first step saw: no file, no process.
        Assert.Equal(first.Lines.Skip(1), after.Lines.Skip(1));
        Assert.Equal(0, after.ExitCode);
        Assert.Equal(1, await ContainersAsync());
    }

    [Fact]
    public async Task A_step_killed_mid_exec_reports_its_signal_and_the_next_step_runs_in_a_clean_container()
    {
        await using var runtime = new SharedContainerRuntime(fixture.Docker, _run, NullLoggerFactory.Instance);
        var before = await RunAsync(runtime, Step("cut -d' ' -f22 /proc/1/stat"));
        var killed = await RunAsync(runtime, Step("echo going; kill -KILL $$; echo never"));
        var after = await RunAsync(runtime, Step("cut -d' ' -f22 /proc/1/stat; echo fine"));

        Assert.Equal(137, killed.ExitCode);
        Assert.Equal(["going"], killed.Lines);
        Assert.Equal(0, after.ExitCode);
        Assert.Equal([before.Lines[0], "fine"], after.Lines);
    }

    public void Dispose()
    {
        if (Directory.Exists(_run))
        {
            Directory.Delete(_run, recursive: true);
        }
    }

    private static List<string> StdoutOf(List<string> lines) => [.. lines.Where(l => !l.StartsWith("err: ", StringComparison.Ordinal))];
}
