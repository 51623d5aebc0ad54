namespace Polycrate.Build.Graph;

/// <summary>How a sub-graph runs.</summary>
internal sealed record SchedulerOptions
{
    /// <summary>How many targets may run at once (workflow steps with independent <c>needs:</c> branches).</summary>
    public int MaxParallel { get; init; } = 1;

    /// <summary>Called when a target starts (progress output, loggers).</summary>
    public Action<Target>? Started { get; init; }

    /// <summary>Called when a target reaches its final state, including targets that never started.</summary>
    public Action<TargetResult>? Finished { get; init; }
}
