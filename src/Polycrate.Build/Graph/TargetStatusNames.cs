namespace Polycrate.Build.Graph;

/// <summary>How a target's final state is written in the console summary, the run log and JUnit.</summary>
public static class TargetStatusNames
{
    public static string Of(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded => "succeeded",
        TargetStatus.UpToDate => "up-to-date",
        TargetStatus.Failed => "failed",
        TargetStatus.FailedAllowed => "failed (allowed)",
        TargetStatus.Skipped => "skipped",
        TargetStatus.NotRun => "not run",
        _ => "canceled",
    };
}
