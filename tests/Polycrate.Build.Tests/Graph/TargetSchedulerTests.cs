using System.Collections.Concurrent;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;

namespace Polycrate.Build.Tests.Graph;

/// <summary>The scheduler with fake targets: order, parallelism, fail-fast, allow_failure and when.</summary>
public sealed class TargetSchedulerTests
{
    private static Target Step(string id, params string[] dependsOn) => new() { Id = id, Kind = TargetKind.Step, DependsOn = dependsOn };

    private sealed class Recorder
    {
        private int _running;

        public ConcurrentQueue<string> Started { get; } = new();

        public int MaxConcurrent { get; private set; }

        public HashSet<string> Failing { get; init; } = [];

        public async Task<TargetOutcome> Execute(Target target, CancellationToken cancellationToken)
        {
            Started.Enqueue(target.Id);
            var now = Interlocked.Increment(ref _running);
            lock (this)
            {
                MaxConcurrent = Math.Max(MaxConcurrent, now);
            }

            await Task.Delay(30, cancellationToken);
            Interlocked.Decrement(ref _running);
            return Failing.Contains(target.Id) ? TargetOutcome.Failure(7, "boom") : TargetOutcome.Success;
        }
    }

    [Fact]
    public async Task Runs_dependencies_first_and_only_the_requested_sub_graph()
    {
        var graph = new TargetGraph([Step("image"), Step("a", "image"), Step("b", "a"), Step("unrelated", "image")]);
        var recorder = new Recorder();

        var summary = await TargetScheduler.RunAsync(graph, ["b"], recorder.Execute, new SchedulerOptions(), CancellationToken.None);

        Assert.Equal(["image", "a", "b"], recorder.Started);
        Assert.True(summary.Succeeded);
        Assert.Equal(0, summary.ExitCode);
    }

    [Fact]
    public async Task A_failed_workflow_names_the_step_that_failed_not_the_internal_target_id()
    {
        var graph = new TargetGraph([
            new Target { Id = "step:w:c", Kind = TargetKind.Step, Workflow = "w", Step = "c", Block = "b", Action = "boom" },
            new Target { Id = "workflow:w", Kind = TargetKind.Workflow, Workflow = "w", DependsOn = ["step:w:c"] },
        ]);
        var recorder = new Recorder { Failing = ["step:w:c"] };

        var summary = await TargetScheduler.RunAsync(graph, ["workflow:w"], recorder.Execute, new SchedulerOptions(), CancellationToken.None);

        // Before: "step target 'step:w:c' failed" in the run log, MSBuild's error and Cake's exception.
        Assert.Equal("step 'c' (b boom) failed", summary["workflow:w"]!.Message);
    }

    [Fact]
    public async Task A_cancel_stops_the_run_at_once_and_an_always_step_after_it_is_not_run()
    {
        // README: a cancel runs no later step, 'always' (cleanup) ones included; they are 'not run'.
        var graph = new TargetGraph([Step("a"), Step("cleanup", "a") with { When = RunCondition.Always }]);
        using var cancel = new CancellationTokenSource();
        var started = new List<string>();

        var summary = await TargetScheduler.RunAsync(graph, ["cleanup"], async (target, token) =>
        {
            started.Add(target.Id);
            await cancel.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
            return TargetOutcome.Success;
        }, new SchedulerOptions(), cancel.Token);

        Assert.Equal(["a"], started);
        Assert.Equal(TargetStatus.Canceled, summary["a"]!.Status);
        Assert.Equal(130, summary["a"]!.ExitCode);
        Assert.Equal(TargetStatus.NotRun, summary["cleanup"]!.Status);
        Assert.Equal("the run was canceled", summary["cleanup"]!.Message);
    }

    [Fact]
    public async Task Independent_branches_run_in_parallel_up_to_the_bound()
    {
        var graph = new TargetGraph([Step("start"), Step("x", "start"), Step("y", "start"), Step("z", "start"), Step("end", "x", "y", "z")]);
        var one = new Recorder();
        var two = new Recorder();

        await TargetScheduler.RunAsync(graph, ["end"], one.Execute, new SchedulerOptions { MaxParallel = 1 }, CancellationToken.None);
        await TargetScheduler.RunAsync(graph, ["end"], two.Execute, new SchedulerOptions { MaxParallel = 2 }, CancellationToken.None);

        Assert.Equal(1, one.MaxConcurrent);
        Assert.Equal(2, two.MaxConcurrent);
        Assert.Equal("end", two.Started.Last());
    }

    [Fact]
    public async Task A_failure_stops_later_steps_and_its_exit_code_is_the_runs()
    {
        var graph = new TargetGraph([Step("a"), Step("b", "a"), Step("c", "b")]);
        var recorder = new Recorder { Failing = ["b"] };

        var summary = await TargetScheduler.RunAsync(graph, ["c"], recorder.Execute, new SchedulerOptions(), CancellationToken.None);

        Assert.Equal(["a", "b"], recorder.Started);
        Assert.Equal(TargetStatus.Failed, summary["b"]!.Status);
        Assert.Equal(TargetStatus.NotRun, summary["c"]!.Status);
        Assert.False(summary.Succeeded);
        Assert.Equal(7, summary.ExitCode);
    }

    [Fact]
    public async Task Allow_failure_lets_the_run_go_on_and_succeed()
    {
        var graph = new TargetGraph([Step("a"), Step("b", "a") with { AllowFailure = true }, Step("c", "b")]);
        var recorder = new Recorder { Failing = ["b"] };

        var summary = await TargetScheduler.RunAsync(graph, ["c"], recorder.Execute, new SchedulerOptions(), CancellationToken.None);

        Assert.Equal(["a", "b", "c"], recorder.Started);
        Assert.Equal(TargetStatus.FailedAllowed, summary["b"]!.Status);
        Assert.True(summary.Succeeded);
    }

    [Fact]
    public async Task On_failure_steps_run_only_after_a_failure_and_always_steps_run_in_any_case()
    {
        Target[] targets =
        [
            Step("deploy"),
            Step("verify", "deploy"),
            Step("rollback", "verify") with { When = RunCondition.OnFailure },
            Step("cleanup", "rollback") with { When = RunCondition.Always },
        ];
        var graph = new TargetGraph(targets);

        var happy = new Recorder();
        var happySummary = await TargetScheduler.RunAsync(graph, ["cleanup"], happy.Execute, new SchedulerOptions(), CancellationToken.None);
        Assert.Equal(["deploy", "verify", "cleanup"], happy.Started);
        Assert.Equal(TargetStatus.Skipped, happySummary["rollback"]!.Status);
        Assert.True(happySummary.Succeeded);

        var failing = new Recorder { Failing = ["deploy"] };
        var failingSummary = await TargetScheduler.RunAsync(graph, ["cleanup"], failing.Execute, new SchedulerOptions(), CancellationToken.None);
        Assert.Equal(["deploy", "rollback", "cleanup"], failing.Started);
        Assert.Equal(TargetStatus.NotRun, failingSummary["verify"]!.Status);
        Assert.False(failingSummary.Succeeded);
    }

    [Fact]
    public async Task Nothing_runs_on_top_of_a_failed_image_not_even_always_steps()
    {
        var graph = new TargetGraph([new Target { Id = "image", Kind = TargetKind.Image }, Step("cleanup", "image") with { When = RunCondition.Always }]);
        var recorder = new Recorder { Failing = ["image"] };

        var summary = await TargetScheduler.RunAsync(graph, ["cleanup"], recorder.Execute, new SchedulerOptions(), CancellationToken.None);

        Assert.Equal(["image"], recorder.Started);
        Assert.Equal(TargetStatus.NotRun, summary["cleanup"]!.Status);
    }

    [Fact]
    public async Task Cancellation_cancels_running_targets_and_starts_no_more()
    {
        var graph = new TargetGraph([Step("slow"), Step("next", "slow")]);
        using var cancellation = new CancellationTokenSource();
        var started = new TaskCompletionSource();

        async Task<TargetOutcome> Execute(Target target, CancellationToken token)
        {
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
            return TargetOutcome.Success;
        }

        var run = TargetScheduler.RunAsync(graph, ["next"], Execute, new SchedulerOptions(), cancellation.Token);
        await started.Task;
        await cancellation.CancelAsync();
        var summary = await run;

        Assert.True(summary.Canceled);
        Assert.Equal(TargetStatus.Canceled, summary["slow"]!.Status);
        Assert.Equal(TargetStatus.NotRun, summary["next"]!.Status);
        Assert.Equal(130, summary.ExitCode);
    }

    [Fact]
    public void Cycles_and_unknown_dependencies_are_errors()
    {
        var cycle = Assert.Throws<GraphException>(() => new TargetGraph([Step("a", "c"), Step("b", "a"), Step("c", "b")]));
        Assert.Contains("a -> c -> b -> a", cycle.Message, StringComparison.Ordinal);
        Assert.Equal(2, cycle.ExitCode);

        var unknown = Assert.Throws<GraphException>(() => new TargetGraph([Step("a", "ghost")]));
        Assert.Contains("'ghost'", unknown.Message, StringComparison.Ordinal);
    }
}
