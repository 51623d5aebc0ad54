namespace Polycrate.Build.Graph;

/// <summary>The final state of a target in a run.</summary>
public enum TargetStatus
{
    /// <summary>It ran and succeeded (an action: exit code 0).</summary>
    Succeeded,

    /// <summary>Nothing to do: the target's inputs were unchanged (only the image target is incremental).</summary>
    UpToDate,

    /// <summary>It ran and failed (an action: non-zero exit code, in <see cref="TargetResult.ExitCode"/>).</summary>
    Failed,

    /// <summary>Failed, but <c>allow_failure</c> let the run go on as if it had succeeded.</summary>
    FailedAllowed,

    /// <summary>Its <c>when:</c> condition did not hold (an on_failure step when nothing failed).</summary>
    Skipped,

    /// <summary>Not started because something before it failed (fail-fast).</summary>
    NotRun,

    /// <summary>Stopped or never started because the run was canceled (Ctrl-C, SIGTERM; exit code 130).</summary>
    Canceled,
}

/// <summary>What an executor reports for one target.</summary>
internal sealed record TargetOutcome(bool Succeeded, int ExitCode = 0, string? Message = null, bool UpToDate = false)
{
    public static TargetOutcome Success { get; } = new(true);

    public static TargetOutcome Failure(int exitCode, string message) => new(false, exitCode, message);
}

/// <summary>The final state of one target in a run.</summary>
public sealed record TargetResult(Target Target, TargetStatus Status, TimeSpan Duration, int? ExitCode, string? Message)
{
    /// <summary>Failed or canceled: the run fails (an allowed failure does not count).</summary>
    public bool IsFailure => Status is TargetStatus.Failed or TargetStatus.Canceled;
}

/// <summary>Runs the work of one target; an exception counts as a failure.</summary>
internal delegate Task<TargetOutcome> TargetExecutor(Target target, CancellationToken cancellationToken);

/// <summary>The results of a run, in the order the targets finished.</summary>
public sealed record RunSummary(IReadOnlyList<TargetResult> Results, bool Canceled)
{
    /// <summary>Not canceled and no target <see cref="TargetResult.IsFailure"/>.</summary>
    public bool Succeeded => !Canceled && Results.All(r => !r.IsFailure);

    /// <summary>0 on success; 130 when canceled; else the exit code of the first failure (an action's own code).</summary>
    public int ExitCode => Canceled ? 130
        : Results.FirstOrDefault(r => r.Status == TargetStatus.Failed) is { } failed ? (failed.ExitCode is > 0 ? failed.ExitCode.Value : 1)
        : 0;

    /// <summary>The result of the target with this <see cref="Target.Id"/>; null when the run did not schedule it.</summary>
    public TargetResult? this[string id] => Results.FirstOrDefault(r => r.Target.Id == id);
}
