using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.Graph;
using Polycrate.Build.WorkspaceBlocks;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.IntegrationTests.Registry;

namespace Polycrate.Build.IntegrationTests.WorkspaceBlocks;

/// <summary>The block-install target: a run whose instance inherits from a registry block that is not installed yet.</summary>
[Collection(RegistryCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BlockAutoInstallRunTests(RegistryFixture registry)
{
    /// <summary>Pushes a block whose script action writes a message from its own files into the workspace root.</summary>
    private async Task<string> PushGreeterAsync()
    {
        var prefix = $"{registry.Anonymous}/{RegistryFixture.UniqueRepository("it")}";
        using var publisher = new ScratchWorkspace("name: publisher\n");
        publisher.Write("blocks/greeter/block.poly",
            "name: greeter\nversion: 1.0.0\nactions:\n  - name: hello\n    script:\n      - cat message.txt > \"$POLYCRATE_WORKSPACE/greeted.txt\"\n");
        publisher.Write("blocks/greeter/message.txt", "hello from the registry\n");
        await publisher.JsonAsync("blocks", "push", "greeter", "--registry", prefix);
        return $"{prefix}/greeter:1.0.0";
    }

    private static ScratchWorkspace Consumer(string from) => new(
        $"name: consumer\nblocks:\n  - name: greet-hall\n    from: {from}\n"
        + "workflows:\n  - name: greet\n    steps:\n      - {name: hello, block: greet-hall, action: hello}\n");

    [Fact]
    public async Task Run_without_the_flag_names_blocks_pull_and_with_it_installs_then_runs()
    {
        var reference = await PushGreeterAsync();
        using var consumer = Consumer(reference);

        var refused = await consumer.CliAsync("run", "greet-hall", "hello", "--runtime", "host");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"polycrate-build blocks pull {reference}", refused.Stderr, StringComparison.Ordinal);
        Assert.False(consumer.Exists("blocks"));

        var run = await consumer.CliAsync("run", "greet-hall", "hello", "--runtime", "host", "--blocks-auto-pull");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal("hello from the registry\n", consumer.Read("greeted.txt"));
        var entry = Assert.Single((await BlockLockFile.LoadAsync(consumer.Root, default)).Blocks);
        Assert.Equal(reference, $"{entry.Repository}:{entry.Tag}");
        Assert.True(consumer.Exists($"{entry.Path}/block.poly"));
    }

    [Fact]
    public async Task Workflows_run_installs_the_block_of_a_step_first()
    {
        var reference = await PushGreeterAsync();
        using var consumer = Consumer(reference);

        var run = await consumer.CliAsync("workflows", "run", "greet", "--runtime", "host", "--blocks-auto-pull");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains($"<== install {reference} succeeded", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("hello from the registry\n", consumer.Read("greeted.txt"));
    }

    [Fact]
    public async Task On_a_terminal_the_user_is_asked_and_a_no_refuses_the_run()
    {
        var reference = await PushGreeterAsync();
        using var consumer = Consumer(reference);
        var questions = new List<string>();
        var runner = new PolycrateEngine(NullLoggerFactory.Instance);
        RunOptions Options(bool answer) => new()
        {
            WorkspaceDirectory = consumer.Root,
            Runtime = RuntimeKind.Host,
            Confirm = (question, _) =>
            {
                questions.Add(question);
                return Task.FromResult(answer);
            },
        };

        var declined = await Assert.ThrowsAsync<ActionException>(() => runner.RunActionAsync(Options(false), "greet-hall", "hello", new NullObserver(), default));
        Assert.Equal(ActionException.BlocksMissingCode, declined.Code);
        Assert.False(consumer.Exists("blocks"));

        var report = await runner.RunActionAsync(Options(true), "greet-hall", "hello", new NullObserver(), default);

        Assert.True(report.Summary.Succeeded);
        Assert.Equal([$"Install missing block {reference}?", $"Install missing block {reference}?"], questions);
        Assert.Equal(TargetStatus.Succeeded, report.Summary[Target.InstallId(reference)]?.Status);
        Assert.Equal("hello from the registry\n", consumer.Read("greeted.txt"));
    }

    private sealed class NullObserver : IRunObserver
    {
        public void TargetStarted(Target target)
        {
        }

        public void TargetFinished(TargetResult result)
        {
        }

        public void Output(Target target, string line, bool isError)
        {
        }
    }
}
