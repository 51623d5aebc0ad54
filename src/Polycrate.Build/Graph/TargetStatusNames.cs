namespace Polycrate.Build.Graph;

/// <summary>How a <see cref="TargetStatus"/> is spelled in run logs, JUnit reports, events and the console.</summary>
public static class TargetStatusNames
{
    /// <summary>Lower case words: "succeeded", "up-to-date", "failed", "failed (allowed)", "skipped", "not run", "canceled".</summary>
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
