using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.Runs;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Runs;

/// <summary>
/// What the run path tells the engine and what it no longer waits for: the number of action targets before the first
/// (a run of one gets a container of its own), and the orphan check running alongside the targets, its failure a warning.
/// </summary>
public sealed class RunPathPipelineTests : IDisposable
{
    private const string Workspace = """
        name: ws
        blocks:
          - name: app
            actions:
              - {name: one, script: [echo]}
              - {name: two, script: [echo]}
        workflows:
          - name: both
            steps:
              - {name: one, block: app, action: one}
              - {name: two, block: app, action: two}
        """;

    private readonly TempWorkspace _workspace = new();

    public RunPathPipelineTests() => _workspace.Write("workspace.poly", Workspace);

    public void Dispose() => _workspace.Dispose();

    private static PolycrateEngine Engine(FakeEngine engine, string root, ILoggerFactory? loggers = null) =>
        new(loggers ?? NullLoggerFactory.Instance, _ => { }, null, new RunServices
        {
            Workspaces = new SequenceWorkspaces(root),
            Blocks = new FakeBlocks(),
            Engines = (_, _) => engine,
            Clock = TimeProvider.System,
            Recorders = () => [],
        });

    private RunOptions Options => new() { WorkspaceDirectory = _workspace.Root };

    [Fact]
    public async Task The_engine_is_told_how_many_actions_the_run_has_before_the_first_runs()
    {
        var single = new FakeEngine();
        var workflow = new FakeEngine();

        await Engine(single, _workspace.Root).RunActionAsync(Options, "app", "one", new RecordingObserver(), CancellationToken.None);
        await Engine(workflow, _workspace.Root).RunWorkflowAsync(Options, "both", null, new RecordingObserver(), CancellationToken.None);

        Assert.Equal([1], single.Planned);
        Assert.Equal([2], workflow.Planned);
    }

    [Fact]
    public async Task The_orphan_check_runs_alongside_the_targets_and_the_run_ends_after_it()
    {
        var engine = new FakeEngine { ReapWaitsForAction = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };

        var report = await Engine(engine, _workspace.Root).RunActionAsync(Options, "app", "one", new RecordingObserver(), CancellationToken.None);

        Assert.True(report.Summary.Succeeded);
        Assert.Equal(1, engine.Reaps);
        Assert.True(engine.ReapWaitsForAction.Task.IsCompleted);
    }

    [Fact]
    public async Task A_failing_orphan_check_is_a_warning_and_the_run_still_succeeds()
    {
        var engine = new FakeEngine { ReapFailure = new IOException("run root unreadable") };
        using var logged = new ListLoggerFactory();

        var report = await Engine(engine, _workspace.Root, logged).RunActionAsync(Options, "app", "one", new RecordingObserver(), CancellationToken.None);

        Assert.True(report.Summary.Succeeded);
        Assert.Single(engine.Ran);
        Assert.Contains(logged.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("run root unreadable", StringComparison.Ordinal));
    }
}
