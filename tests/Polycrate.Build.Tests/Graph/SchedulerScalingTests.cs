using System.Collections;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Graph;
using Polycrate.Build.Model;
using Polycrate.Build.Snapshots;

namespace Polycrate.Build.Tests.Graph;

/// <summary>
/// Issue 12: a 5,000-step workflow cost 20x more per step than a 500-step one. These tests check the algorithmic
/// property without timing: the work counted per step (dependency-list reads, step-list reads) must not grow with the
/// number of steps.
/// </summary>
public sealed class SchedulerScalingTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(5000)]
    public async Task Scheduler_reads_each_dependency_list_a_constant_number_of_times(int steps)
    {
        var counter = new Counter();
        var targets = new List<Target> { new() { Id = "image", Kind = TargetKind.Image, DependsOn = new CountingList<string>([], counter) } };
        for (var i = 0; i < steps; i++)
        {
            string[] dependsOn = i == 0 ? ["image"] : ["image", $"step:{i - 1}"];
            targets.Add(new Target { Id = $"step:{i}", Kind = TargetKind.Step, DependsOn = new CountingList<string>(dependsOn, counter) });
        }

        var graph = new TargetGraph(targets);
        counter.Reads = 0;

        var summary = await TargetScheduler.RunAsync(graph, [$"step:{steps - 1}"], (_, _) => Task.FromResult(TargetOutcome.Success),
            new SchedulerOptions(), CancellationToken.None);

        Assert.True(summary.Succeeded);
        Assert.Equal(steps + 1, summary.Results.Count);
        // Closure, dependents index and one judgement per target: a few reads per edge. The former scheduler re-checked
        // every unfinished target on every pass: about steps^2 reads (12.5 million for 5,000 steps).
        Assert.InRange(counter.Reads / (double)steps, 1, 12);
    }

    [Fact]
    public async Task A_failure_rejudges_waiting_targets_once_not_on_every_pass()
    {
        // 2,000 independent targets wait for one slot; the first fails, so the rest must become "not run".
        var counter = new Counter();
        var targets = new List<Target> { new() { Id = "root", Kind = TargetKind.Step } };
        for (var i = 0; i < 2000; i++)
        {
            targets.Add(new Target { Id = $"t{i}", Kind = TargetKind.Step, DependsOn = new CountingList<string>(["root"], counter) });
        }

        var graph = new TargetGraph(targets);
        counter.Reads = 0;
        var summary = await TargetScheduler.RunAsync(graph, targets.Skip(1).Select(t => t.Id).ToList(),
            (t, _) => Task.FromResult(t.Id == "t0" ? TargetOutcome.Failure(3, "boom") : TargetOutcome.Success),
            new SchedulerOptions { MaxParallel = 1 }, CancellationToken.None);

        Assert.Equal(TargetStatus.Failed, summary["t0"]!.Status);
        Assert.Equal(1999, summary.Results.Count(r => r.Status == TargetStatus.NotRun));
        Assert.InRange(counter.Reads, 2000, 2000 * 12);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(5000)]
    public void Step_dependencies_and_the_snapshot_projection_read_the_step_list_a_constant_number_of_times_per_step(int steps)
    {
        var counter = new Counter();
        var list = Enumerable.Range(0, steps)
            .Select(i => new WorkflowStep { Name = $"s{i}", Block = "b", Action = "a", Location = new SourceLocation("workspace.poly", i + 1, 1) })
            .ToList();
        var workflow = new Workflow { Name = "long", Steps = new CountingList<WorkflowStep>(list, counter), Location = new SourceLocation("workspace.poly", 1, 1) };
        counter.Reads = 0;

        var projected = ModelProjection.Workflow(workflow);
        var stepOfLast = workflow.FindStep($"s{steps - 1}");

        Assert.Equal($"s{steps - 2}", Assert.Single(workflow.DependenciesOf(stepOfLast!)));
        Assert.Equal(steps, ((ConfigList)projected["steps"]!).Items.Count);
        // Formerly DependenciesOf copied and searched the whole list for every step: steps^2 reads per projection.
        Assert.InRange(counter.Reads / (double)steps, 1, 4);
    }

    private sealed class Counter
    {
        public long Reads { get; set; }
    }

    /// <summary>A list that counts every element read, through the indexer or an enumerator.</summary>
    private sealed class CountingList<T>(IReadOnlyList<T> items, Counter counter) : IReadOnlyList<T>
    {
        public T this[int index]
        {
            get
            {
                counter.Reads++;
                return items[index];
            }
        }

        public int Count => items.Count;

        public IEnumerator<T> GetEnumerator()
        {
            foreach (var item in items)
            {
                counter.Reads++;
                yield return item;
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
