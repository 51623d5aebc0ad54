using System.Diagnostics;
using Polycrate.Build.Diagnostics;
using Polycrate.Build.Model;

namespace Polycrate.Build.Graph;

/// <summary>
/// Runs a sub-graph in dependency order with bounded parallelism.
/// Rules: a target is decided once all its dependencies have finished. Fail-fast: after a failure (one not
/// allowed by <c>allow_failure</c>) no further <c>on_success</c> target starts; targets already running finish.
/// <c>on_failure</c> targets run only after a failure, <c>always</c> targets run in any case — but nothing runs
/// whose image or block-install dependency did not succeed. Workflow targets run no work: they fail when one of
/// their steps failed.
/// </summary>
internal static class TargetScheduler
{
    public static async Task<RunSummary> RunAsync(TargetGraph graph, IReadOnlyList<string> roots, TargetExecutor execute, SchedulerOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxParallel, 1);
        var order = graph.Closure(roots);
        var state = new SchedulerState(order);
        var running = new Dictionary<Task<TargetResult>, Target>();

        // Every step costs O(its edges + log n): targets become candidates when their last dependency finishes, and a
        // target judged "run" waits in index order for a free slot without being judged again until the failure or
        // cancellation state changes (which happens at most twice per run).
        void Pump()
        {
            while (true)
            {
                state.RejudgeIfStateChanged(cancellationToken.IsCancellationRequested);
                if (state.Candidates.TryDequeue(out var candidate, out _))
                {
                    var target = order[candidate];
                    var decision = Decide(target, state.Results, state.FailureSeen, cancellationToken.IsCancellationRequested);
                    if (decision is null)
                    {
                        state.Deferred.Enqueue(candidate, candidate);
                    }
                    else
                    {
                        Finish(decision);
                    }

                    continue;
                }

                if (running.Count < options.MaxParallel && state.Deferred.TryDequeue(out var next, out _))
                {
                    options.Started?.Invoke(order[next]);
                    running.Add(RunOneAsync(order[next], execute, cancellationToken), order[next]);
                    continue;
                }

                return;
            }
        }

        void Finish(TargetResult result)
        {
            state.Finish(result);
            options.Finished?.Invoke(result);
        }

        while (true)
        {
            Pump();
            if (running.Count == 0)
            {
                if (state.Results.Count < order.Count)
                {
                    throw new InvalidOperationException("the scheduler could not make progress; the graph was not validated");
                }

                break;
            }

            var done = await Task.WhenAny(running.Keys);
            running.Remove(done);
            Finish(await done);
        }

        return new RunSummary(state.Finished, cancellationToken.IsCancellationRequested);
    }

    /// <summary>Decides a target without running it, or returns null when it should run.</summary>
    private static TargetResult? Decide(Target target, IReadOnlyDictionary<string, TargetResult> results, bool failureSeen, bool canceled)
    {
        var dependencies = target.DependsOn.Select(d => results[d]).ToList();
        if (canceled)
        {
            return new TargetResult(target, TargetStatus.NotRun, TimeSpan.Zero, null, "the run was canceled");
        }

        if (target.Kind == TargetKind.Workflow)
        {
            var failed = dependencies.FirstOrDefault(d => d.IsFailure);
            return failed is null
                ? new TargetResult(target, TargetStatus.Succeeded, TimeSpan.Zero, 0, null)
                : new TargetResult(target, TargetStatus.Failed, TimeSpan.Zero, failed.ExitCode, FailedStep(failed.Target));
        }

        var brokenPrerequisite = dependencies.FirstOrDefault(d =>
            d.Target.Kind is TargetKind.Image or TargetKind.BlockInstall && d.Status is not (TargetStatus.Succeeded or TargetStatus.UpToDate));
        if (brokenPrerequisite is not null)
        {
            return new TargetResult(target, TargetStatus.NotRun, TimeSpan.Zero, null, $"'{brokenPrerequisite.Target.Id}' did not succeed");
        }

        return target.When switch
        {
            RunCondition.OnSuccess when failureSeen => new TargetResult(target, TargetStatus.NotRun, TimeSpan.Zero, null, "an earlier target failed"),
            RunCondition.OnFailure when !failureSeen => new TargetResult(target, TargetStatus.Skipped, TimeSpan.Zero, null, "nothing failed"),
            _ => null,
        };
    }

    /// <summary>Why a workflow failed, in the user's words: the step's name and what it runs, not the internal target id.</summary>
    private static string FailedStep(Target step) => step.Kind == TargetKind.Step
        ? $"step '{step.Step}' ({step.Block} {step.Action}) failed"
        : $"'{step.Id}' failed";

    private static async Task<TargetResult> RunOneAsync(Target target, TargetExecutor execute, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await Task.Yield();
            var outcome = await execute(target, cancellationToken);
            var status = outcome.Succeeded
                ? outcome.UpToDate ? TargetStatus.UpToDate : TargetStatus.Succeeded
                : target.AllowFailure ? TargetStatus.FailedAllowed : TargetStatus.Failed;
            return new TargetResult(target, status, stopwatch.Elapsed, outcome.ExitCode, outcome.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new TargetResult(target, TargetStatus.Canceled, stopwatch.Elapsed, 130, "canceled");
        }
        catch (PolycrateException ex)
        {
            return new TargetResult(target, target.AllowFailure ? TargetStatus.FailedAllowed : TargetStatus.Failed, stopwatch.Elapsed, ex.ExitCode, $"{ex.Code}: {ex.Message}");
        }
#pragma warning disable CA1031 // Any failure of one target is recorded as that target's result; the run goes on per the rules above.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var message = ex is IOException or UnauthorizedAccessException ? $"{FileSystemException.From(ex).Code}: {FileSystemException.From(ex).Message}" : ex.Message;
            return new TargetResult(target, target.AllowFailure ? TargetStatus.FailedAllowed : TargetStatus.Failed, stopwatch.Elapsed, 1, message);
        }
    }
}
