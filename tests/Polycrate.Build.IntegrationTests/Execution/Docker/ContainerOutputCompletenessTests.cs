using System.Collections.Concurrent;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.IntegrationTests.Execution.Docker;

/// <summary>
/// Every byte a container writes arrives, an unterminated last line included: follow-mode logs on this engine
/// (Debian docker.io, API 1.41) dropped it in 4 to 7 of 8 runs; attaching before the start does not.
/// </summary>
[Collection(DockerEngineCollection.Name)]
public sealed class ContainerOutputCompletenessTests(DockerEngineFixture fixture)
{
    private readonly Dictionary<string, string> _labels = new() { ["polycrate.test-run"] = "hostile-runtime-" + Guid.NewGuid().ToString("N")[..8] };

    [Fact]
    public async Task The_last_line_without_a_newline_arrives_in_every_one_of_ten_runs()
    {
        for (var run = 0; run < 10; run++)
        {
            var stdout = new ConcurrentQueue<string>();
            var stderr = new ConcurrentQueue<string>();
            var result = await new ContainerRunner(fixture.Client).RunAsync(new ContainerRunRequest
            {
                Spec = new ContainerSpec
                {
                    Image = DockerEngineFixture.ToolchainImage,
                    Entrypoint = ["/bin/sh", "-c"],
                    Command = ["printf 'a\\nlast-line-no-newline'; printf 'err\\nlast-err-no-newline' >&2"],
                    Labels = _labels,
                },
                Output = new ContainerOutput(stdout.Enqueue, stderr.Enqueue),
            }, CancellationToken.None);

            Assert.Equal(0, result.ExitCode);
            Assert.True(stdout.SequenceEqual(["a", "last-line-no-newline"]), $"run {run}: stdout was [{string.Join("|", stdout)}]");
            Assert.True(stderr.SequenceEqual(["err", "last-err-no-newline"]), $"run {run}: stderr was [{string.Join("|", stderr)}]");
        }

        Assert.Empty(await fixture.Client.ListContainersAsync(_labels, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_burst_right_before_exit_arrives_complete()
    {
        var stdout = new ConcurrentQueue<string>();
        await new ContainerRunner(fixture.Client).RunAsync(new ContainerRunRequest
        {
            Spec = new ContainerSpec
            {
                Image = DockerEngineFixture.ToolchainImage,
                Entrypoint = ["/bin/sh", "-c"],
                Command = ["seq 1 20000; printf end"],
                Labels = _labels,
            },
            Output = new ContainerOutput(stdout.Enqueue, _ => { }),
        }, CancellationToken.None);

        Assert.Equal(20001, stdout.Count);
        Assert.Equal("20000", stdout.ElementAt(19999));
        Assert.Equal("end", stdout.Last());
    }
}
