using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.PrivateRuns;
using Polycrate.Build.Graph;
using Polycrate.Build.Runs;
using Polycrate.Build.Tests.Support;

namespace Polycrate.Build.Tests.Runs;

/// <summary>plan → execute → record through the façade, without Docker or a registry (fake engine, blocks and clock).</summary>
public sealed class RunPipelineTests : IDisposable
{
    private const string Release = """
        name: ws
        colour: blue
        blocks:
          - name: app
            actions:
              - {name: prepare, script: [echo]}
              - {name: web, script: [echo]}
              - {name: db, script: [echo]}
              - {name: verify, script: [echo]}
              - {name: rollback, script: [echo]}
          - name: edge
            from: localhost:5999/acme/edge:1.0.0
        workflows:
          - name: release
            steps:
              - {name: prepare, block: app, action: prepare}
              - {name: web, block: app, action: web, needs: [prepare]}
              - {name: db, block: app, action: db, needs: [prepare]}
              - {name: verify, block: app, action: verify, needs: [web, db]}
              - {name: rollback, block: app, action: rollback, when: on_failure, allow_failure: true}
          - name: fleet
            steps:
              - {name: update, block: edge, action: ota-update}
          - name: guarded
            prompt: Really?
            steps:
              - {name: only, block: app, action: prepare}
        """;

    /// <summary>The same workspace once edge's registry parent is installed (here: a local block of that name).</summary>
    private const string Installed = """
        name: ws
        colour: blue
        blocks:
          - name: edge-base
            actions:
              - {name: ota-update, script: [echo]}
          - name: edge
            from: edge-base
        workflows:
          - name: fleet
            steps:
              - {name: update, block: edge, action: ota-update}
        """;

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 14, 0, 0, TimeSpan.Zero);
    private readonly TempWorkspace _before = new();
    private readonly TempWorkspace _after = new();
    private readonly FakeEngine _engine = new();
    private readonly FakeBlocks _blocks = new();
    private readonly RecordingRecorder _recorder = new();
    private readonly RecordingObserver _observer = new();
    private readonly List<Diagnostic> _warnings = [];

    public RunPipelineTests()
    {
        _before.Write("workspace.poly", Release);
        _after.Write("workspace.poly", Installed);
    }

    private PolycrateEngine Engine(SequenceWorkspaces workspaces, FakeBlocks? blocks = null) =>
        new(NullLoggerFactory.Instance, _warnings.Add, null, new RunServices
        {
            Workspaces = workspaces,
            Blocks = blocks ?? _blocks,
            Engines = (_, _) => _engine,
            Clock = new FixedClock(Now),
            Recorders = () => [_recorder],
        });

    private RunOptions Options(bool autoPull = false) => new() { WorkspaceDirectory = _before.Root, BlocksAutoPull = autoPull };

    [Fact]
    public async Task A_run_reports_the_load_warnings_that_inspect_reports()
    {
        var inspected = await new PolycrateEngine(NullLoggerFactory.Instance).LoadAsync(new WorkspaceRequest(_before.Root), CancellationToken.None);

        var report = await Engine(new SequenceWorkspaces(_before.Root)).RunActionAsync(Options(), "app", "web", _observer, CancellationToken.None);

        Assert.True(report.Summary.Succeeded);
        var warning = Assert.Single(_warnings);
        Assert.Equal(DiagnosticCodes.UnknownKey, warning.Code);
        Assert.Equal(inspected.Warnings, report.Warnings);
        Assert.Equal(_warnings, report.Warnings);
    }

    [Fact]
    public async Task Missing_blocks_are_installed_before_the_graph_is_built_and_the_run_uses_the_reloaded_workspace()
    {
        var workspaces = new SequenceWorkspaces(_before.Root, _after.Root);

        var report = await Engine(workspaces).RunWorkflowAsync(Options(autoPull: true), "fleet", null, _observer, CancellationToken.None);

        Assert.True(report.Summary.Succeeded);
        Assert.Equal(["localhost:5999/acme/edge:1.0.0"], _blocks.Installed);
        Assert.Equal(2, workspaces.Loads);
        var (target, workspace) = Assert.Single(_engine.Ran);
        Assert.Equal("step:fleet:update", target);
        Assert.NotNull(workspace.FindBlock("edge-base"));
        Assert.Equal(TargetStatus.Succeeded, report.Summary.Results[0].Status);
        Assert.Equal(TargetKind.BlockInstall, report.Summary.Results[0].Target.Kind);
        Assert.DoesNotContain(report.Summary.Results, r => r.Target.Kind == TargetKind.BlockInstall && r != report.Summary.Results[0]);
        Assert.Equal("start block:localhost:5999/acme/edge:1.0.0:install", _observer.Events.First());
        Assert.Equal(1, _engine.Images);
        Assert.True(_engine.Disposed);
    }

    [Fact]
    public async Task Without_auto_pull_and_without_a_terminal_the_run_is_refused_before_anything_runs()
    {
        var refused = await Assert.ThrowsAsync<ActionException>(() =>
            Engine(new SequenceWorkspaces(_before.Root)).RunWorkflowAsync(Options(), "fleet", null, _observer, CancellationToken.None));

        Assert.Equal(DiagnosticCodes.BlocksMissing, refused.Code);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--blocks-auto-pull", refused.Message, StringComparison.Ordinal);
        Assert.Contains("PolycrateBlocksAutoPull=true", DiagnosticCatalog.ForFrontEnd(refused.Message, FrontEnd.MSBuild), StringComparison.Ordinal);
        Assert.Empty(_blocks.Installed);
        Assert.Empty(_engine.Ran);
        Assert.Empty(_recorder.Records);
    }

    [Fact]
    public async Task A_failed_install_is_recorded_and_nothing_else_runs()
    {
        var blocks = new FakeBlocks { Failure = new ActionException("the registry is down") };

        var report = await Engine(new SequenceWorkspaces(_before.Root), blocks).RunWorkflowAsync(Options(autoPull: true), "fleet", null, _observer,
            CancellationToken.None);

        Assert.False(report.Summary.Succeeded);
        Assert.Equal(1, report.Summary.ExitCode);
        Assert.Equal(TargetStatus.Failed, Assert.Single(report.Summary.Results).Status);
        Assert.Empty(_engine.Ran);
        Assert.Equal(0, _engine.Images);
        Assert.Same(report.Summary, Assert.Single(_recorder.Records).Summary);
    }

    [Fact]
    public async Task The_executor_schedules_needs_and_when_and_the_recorder_gets_the_action_exit_code_output_and_clock()
    {
        _engine.Fail["step:release:db"] = 3;

        var report = await Engine(new SequenceWorkspaces(_before.Root)).RunWorkflowAsync(Options(), "release", null, _observer, CancellationToken.None);

        Assert.Equal(3, report.Summary.ExitCode);
        Assert.Equal(TargetStatus.NotRun, report.Summary["step:release:verify"]?.Status);
        Assert.Equal(TargetStatus.Succeeded, report.Summary["step:release:rollback"]?.Status);
        var record = Assert.Single(_recorder.Records);
        Assert.Equal(report.TransactionId, record.TransactionId);
        Assert.Equal(Now, record.Started);
        Assert.Equal(Now, record.Finished);
        Assert.Equal("output of step:release:db", record.OutputOf("step:release:db"));
        Assert.Null(record.OutputOf("step:release:verify"));
        Assert.False(Directory.Exists(Path.Combine(PrivateRunRoot.Path, report.TransactionId)), "the run directory must be removed");
        Assert.Equal(1, _engine.Reaps);
        Assert.Equal("start " + Target.WorkflowId("release"), _recorder.Calls[0]);
        Assert.Contains("finished step:release:db", _recorder.Calls);
        Assert.Equal("record", _recorder.Calls[^1]);
    }

    [Theory]
    [InlineData(true, TargetStatus.FailedAllowed, 0)]
    [InlineData(false, TargetStatus.Failed, 4)]
    public async Task A_step_target_keeps_its_allow_failure_like_the_workflow_run(bool stepTarget, TargetStatus expected, int exitCode)
    {
        _engine.Fail["step:release:rollback"] = 4;
        var request = new WorkflowRunRequest("release", "rollback") { StepTarget = stepTarget };

        var report = await Engine(new SequenceWorkspaces(_before.Root)).RunAsync(request, Options(), _observer, CancellationToken.None);

        Assert.Equal(expected, report.Summary["step:release:rollback"]?.Status);
        Assert.Equal(exitCode, report.Summary.ExitCode);
    }

    [Fact]
    public async Task A_workflow_prompt_without_force_or_terminal_refuses_before_any_target()
    {
        var refused = await Assert.ThrowsAsync<ActionException>(() =>
            Engine(new SequenceWorkspaces(_before.Root)).RunWorkflowAsync(Options(), "guarded", null, _observer, CancellationToken.None));

        Assert.Equal(DiagnosticCodes.PromptRefused, refused.Code);
        Assert.Empty(_observer.Events);
        Assert.Equal(0, _engine.Images);
    }

    [Fact]
    public async Task Unknown_names_are_refused_with_PCB2004()
    {
        var missing = await Assert.ThrowsAsync<NotFoundException>(() =>
            Engine(new SequenceWorkspaces(_before.Root)).RunActionAsync(Options(), "app", "nope", _observer, CancellationToken.None));

        Assert.Equal(DiagnosticCodes.NotFound, missing.Code);
        Assert.Empty(_engine.Ran);
    }

    public void Dispose()
    {
        _before.Dispose();
        _after.Dispose();
    }
}
