using System.Collections.Concurrent;
using Polycrate.Build.Execution;
using Polycrate.Build.Execution.ImageBuild;
using Polycrate.Build.Graph;
using Polycrate.Build.Loading;
using Polycrate.Build.Model;
using Polycrate.Build.Runs;
using Polycrate.Build.Transactions;

namespace Polycrate.Build.Tests.Runs;

/// <summary>Loads the given workspace directories in turn (the last one repeats): a reload after an install sees the next.</summary>
internal sealed class SequenceWorkspaces(params string[] roots) : IWorkspaceSource
{
    public int Loads { get; private set; }

    public Task<LoadResult> LoadAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var root = roots[Math.Min(Loads++, roots.Length - 1)];
        return new WorkspaceLoader().LoadAsync(root, new LoadOptions { Strict = options.Strict, AllowMissingBlocks = true }, cancellationToken);
    }
}

/// <summary>Records installs; throws <see cref="Failure"/> when set.</summary>
internal sealed class FakeBlocks : IBlockSource
{
    public List<string> Installed { get; } = [];

    public Exception? Failure { get; init; }

    public Task<string> InstallAsync(Workspace workspace, string reference, RunOptions options, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        Installed.Add(reference);
        return Task.FromResult(reference + "@sha256:0");
    }

    public async Task<Workspace> InstallDependenciesAsync(Func<CancellationToken, Task<Workspace>> load, RunOptions options, CancellationToken cancellationToken)
    {
        Installed.Add("dependencies");
        return await load(cancellationToken);
    }
}

/// <summary>Runs nothing: records each action target and the workspace it saw; fails the targets named in <see cref="Fail"/>.</summary>
internal sealed class FakeEngine : IRunEngine
{
    public ConcurrentQueue<(string Target, Workspace Workspace)> Ran { get; } = new();

    public Dictionary<string, int> Fail { get; } = new(StringComparer.Ordinal);

    public bool OnHost { get; init; }

    public int Images { get; private set; }

    public bool Disposed { get; private set; }

    public int Reaps { get; private set; }

    /// <summary>The action-target counts the executor announced (<see cref="IRunEngine.ActionsPlanned"/>).</summary>
    public List<int> Planned { get; } = [];

    /// <summary>When set, the orphan check throws it (after <see cref="ReapWaitsForAction"/>, if set, completed).</summary>
    public Exception? ReapFailure { get; init; }

    /// <summary>
    /// When set, the orphan check waits (at most 10 s, else TimeoutException) until an action ran: proves the run does
    /// not wait for the check before its targets.
    /// </summary>
    public TaskCompletionSource? ReapWaitsForAction { get; init; }

    public void ActionsPlanned(int count) => Planned.Add(count);

    /// <summary>When set, the image check is left to the "create" of each action, which pulls first when <see cref="PullAtCreate"/>.</summary>
    public Polycrate.Build.Execution.Docker.ImageAtCreate? ImageAtCreate { get; init; }

    public bool PullAtCreate { get; init; }

    /// <summary>The image <see cref="EnsureImageAsync"/> reports.</summary>
    public WorkspaceImageResult Image { get; init; } = new("toolchain:test", Built: false, ContextHash: string.Empty, InputFiles: []);

    public async Task ReapOrphansAsync(Workspace workspace, CancellationToken cancellationToken)
    {
        Reaps++;
        if (ReapWaitsForAction is not null)
        {
            await ReapWaitsForAction.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        if (ReapFailure is not null)
        {
            throw ReapFailure;
        }
    }

    public Task<WorkspaceImageResult> EnsureImageAsync(Workspace workspace, RunOptions options, CancellationToken cancellationToken)
    {
        Images++;
        return Task.FromResult(Image);
    }

    public async Task<TargetOutcome> RunActionAsync(Target target, ActionContext context, string runDirectory, OutputTail tail, CancellationToken cancellationToken)
    {
        if (ImageAtCreate is { } image)
        {
            if (PullAtCreate)
            {
                await image.ProvideAsync(Image.Tag, cancellationToken);
            }

            image.ContainerCreated();
        }

        Ran.Enqueue((target.Id, context.Workspace));
        ReapWaitsForAction?.TrySetResult();
        tail.Add($"output of {target.Id}");
        return Fail.TryGetValue(target.Id, out var code) ? TargetOutcome.Failure(code, "boom") : TargetOutcome.Success;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}

internal sealed class RecordingObserver : IRunObserver
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void TargetStarted(Target target) => Events.Enqueue("start " + target.Id);

    public void TargetFinished(TargetResult result)
    {
        Events.Enqueue($"finish {result.Target.Id} {result.Status}");
        Finished.Enqueue(result);
    }

    /// <summary>The results as the observer was told them, live.</summary>
    public ConcurrentQueue<TargetResult> Finished { get; } = new();

    public void Output(Target target, string line, bool isError) => Events.Enqueue("output " + line);
}

/// <summary>Records the calls of every phase: start, each finished target, record.</summary>
internal sealed class RecordingRecorder : IRunRecorder
{
    public List<FinishedRun> Records { get; } = [];

    public List<string> Calls { get; } = [];

    public string Name => "test";

    public Task StartAsync(RunStart run, CancellationToken cancellationToken)
    {
        Calls.Add($"start {string.Join(",", run.Roots.Select(t => t.Id))}");
        return Task.CompletedTask;
    }

    public void TargetFinished(TargetResult result) => Calls.Add("finished " + result.Target.Id);

    public Task<string?> RecordAsync(FinishedRun run, CancellationToken cancellationToken)
    {
        Calls.Add("record");
        Records.Add(run);
        return Task.FromResult<string?>(null);
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
