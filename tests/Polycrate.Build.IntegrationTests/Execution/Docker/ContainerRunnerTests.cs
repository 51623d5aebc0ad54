using System.Collections.Concurrent;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.IntegrationTests.Execution.Docker;

[Collection(DockerEngineCollection.Name)]
public sealed class ContainerRunnerTests(DockerEngineFixture fixture) : IDisposable
{
    private readonly string _runLabel = Guid.NewGuid().ToString("N");
    private readonly string _hostDirectory = Directory.CreateTempSubdirectory("pcb-run-").FullName;

    public void Dispose() => Directory.Delete(_hostDirectory, recursive: true);

    private Dictionary<string, string> Labels => new() { ["polycrate.test-run"] = _runLabel };

    private Task<IReadOnlyList<ContainerSummary>> LeftoversAsync() =>
        fixture.Client.ListContainersAsync(Labels, CancellationToken.None);

    [Fact]
    public async Task Runs_with_env_and_binds_separates_stdout_and_stderr_and_propagates_the_exit_code()
    {
        var input = Directory.CreateDirectory(Path.Combine(_hostDirectory, "in")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(_hostDirectory, "out")).FullName;
        await File.WriteAllTextAsync(Path.Combine(input, "input.txt"), "from the host\n");
        var stdout = new ConcurrentQueue<string>();
        var stderr = new ConcurrentQueue<string>();

        var result = await new ContainerRunner(fixture.Client).RunAsync(
            new ContainerRunRequest
            {
                Spec = new ContainerSpec
                {
                    Image = DockerEngineFixture.ToolchainImage,
                    Entrypoint = ["/bin/bash", "-c"],
                    Command =
                    [
                        """
                        echo "greeting=$GREETING"
                        echo "on stderr" >&2
                        cat /in/input.txt
                        echo written > /out/result.txt
                        if echo x 2>/dev/null > /in/forbidden.txt; then echo "ro bind writable"; else echo "ro bind refused" >&2; fi
                        pwd
                        exit 7
                        """,
                    ],
                    Environment = [new("GREETING", "a=b c 'quoted' $NOT_EXPANDED")],
                    Binds = [new BindMount(input, "/in", ReadOnly: true), new BindMount(output, "/out")],
                    WorkingDirectory = "/out",
                    Labels = Labels,
                },
                Output = new ContainerOutput(stdout.Enqueue, stderr.Enqueue),
            },
            CancellationToken.None);

        Assert.Equal(7, result.ExitCode);
        Assert.Equal(["greeting=a=b c 'quoted' $NOT_EXPANDED", "from the host", "/out"], stdout);
        Assert.Equal(["on stderr", "ro bind refused"], stderr);
        Assert.Equal("written\n", await File.ReadAllTextAsync(Path.Combine(output, "result.txt")));
        Assert.False(File.Exists(Path.Combine(input, "forbidden.txt")));
        Assert.Empty(await LeftoversAsync());
    }

    [Fact]
    public async Task Cancellation_stops_and_removes_the_container()
    {
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var run = new ContainerRunner(fixture.Client).RunAsync(
            new ContainerRunRequest
            {
                Spec = new ContainerSpec
                {
                    Image = DockerEngineFixture.ToolchainImage,
                    // bash as PID 1 ignores SIGTERM: this also exercises the SIGKILL after the grace period.
                    Entrypoint = ["/bin/bash", "-c", "echo started; sleep 300"],
                    Labels = Labels,
                },
                Output = new ContainerOutput(line => started.TrySetResult(), _ => { }),
                StopGracePeriod = TimeSpan.FromSeconds(1),
            },
            cancellation.Token);

        await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Single(await LeftoversAsync());
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"stopping took {clock.Elapsed}");
        Assert.Empty(await LeftoversAsync());
    }

    [Fact]
    public async Task Containers_on_a_user_defined_network_reach_a_target_over_ssh()
    {
        await DockerEngineFixture.RunScriptAsync("eng/build-target-image.sh", DockerEngineFixture.TargetImage);
        var keys = Directory.CreateDirectory(Path.Combine(_hostDirectory, "keys")).FullName;
        await RunProcessAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", Path.Combine(keys, "id"));
        var network = "pcb-test-" + _runLabel[..12];
        var target = "target-" + _runLabel[..12];
        await fixture.Client.CreateNetworkAsync(network, Labels, CancellationToken.None);
        string? targetId = null;
        try
        {
            targetId = await fixture.Client.CreateContainerAsync(
                new ContainerSpec
                {
                    Image = DockerEngineFixture.TargetImage,
                    Name = target,
                    NetworkMode = network,
                    Environment = [new("SSH_AUTHORIZED_KEYS", await File.ReadAllTextAsync(Path.Combine(keys, "id.pub")))],
                    Labels = Labels,
                },
                CancellationToken.None);
            await fixture.Client.StartContainerAsync(targetId, CancellationToken.None);
            var stdout = new ConcurrentQueue<string>();
            var stderr = new ConcurrentQueue<string>();

            var result = await new ContainerRunner(fixture.Client).RunAsync(
                new ContainerRunRequest
                {
                    Spec = new ContainerSpec
                    {
                        Image = DockerEngineFixture.ToolchainImage,
                        NetworkMode = network,
                        Binds = [new BindMount(keys, "/keys", ReadOnly: true)],
                        Labels = Labels,
                        Entrypoint = ["/bin/bash", "-c"],
                        Command =
                        [
                            $$"""
                            install -m 0600 /keys/id /tmp/id
                            for i in $(seq 1 30); do
                              ssh -i /tmp/id -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o ConnectTimeout=3 \
                                  polycrate@{{target}} 'echo "reached $(hostname) as $(sudo whoami)"' && exit 0
                              sleep 1
                            done
                            exit 1
                            """,
                        ],
                    },
                    Output = new ContainerOutput(stdout.Enqueue, stderr.Enqueue),
                },
                CancellationToken.None);

            Assert.True(result.ExitCode == 0, string.Join('\n', stderr));
            Assert.Contains(stdout, line => line.StartsWith("reached ", StringComparison.Ordinal) && line.EndsWith(" as root", StringComparison.Ordinal));
        }
        finally
        {
            if (targetId is not null)
            {
                await fixture.Client.RemoveContainerAsync(targetId, CancellationToken.None);
            }

            await fixture.Client.RemoveNetworkAsync(network, CancellationToken.None);
        }

        Assert.Empty(await LeftoversAsync());
    }

    private static async Task RunProcessAsync(string fileName, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(fileName, arguments);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
