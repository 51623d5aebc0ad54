using System.Globalization;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Reporting;

/// <summary>
/// The words every front end uses for run progress and failures, so the console, an MSBuild log and a Cake log
/// tell the same story: "step nightly-maintenance/update (linux-maintenance update) failed with exit code 2: …".
/// </summary>
public static class RunMessages
{
    /// <summary>What the target is, in words: <c>action app deploy</c>, <c>step deploy/app (app deploy)</c>, <c>toolchain image</c> …</summary>
    public static string Describe(Target target) => target.Kind switch
    {
        TargetKind.Image => "toolchain image",
        TargetKind.BlockInstall => $"install {target.Reference}",
        TargetKind.Action => $"action {target.Block} {target.Action}",
        TargetKind.Step => $"step {target.Workflow}/{target.Step} ({target.Block} {target.Action})",
        TargetKind.Workflow => $"workflow {target.Workflow}",
        _ => target.Id,
    };

    /// <summary><c>&lt;description&gt;: started</c>.</summary>
    public static string Started(Target target) => $"{Describe(target)}: started";

    /// <summary>
    /// <c>&lt;description&gt;: &lt;status&gt; in &lt;seconds&gt;s</c>, seconds with one decimal; the toolchain image adds what
    /// happened to it (<c>(polycrate-toolchain:bookworm-2 present)</c>, <c>… pulled</c>, <c>… built</c>).
    /// </summary>
    public static string Finished(TargetResult result)
    {
        var seconds = result.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var status = result.Status switch
        {
            TargetStatus.Succeeded => "succeeded",
            TargetStatus.UpToDate => "up to date",
            TargetStatus.FailedAllowed => "failed (allowed to fail)",
            TargetStatus.Skipped => "skipped (when: condition not met)",
            TargetStatus.NotRun => "not run (an earlier target failed)",
            TargetStatus.Canceled => "canceled",
            _ => "failed",
        };
        var image = result.Target.Kind == TargetKind.Image && !result.IsFailure && !string.IsNullOrEmpty(result.Message) ? $" ({result.Message})" : string.Empty;
        return $"{Describe(result.Target)}: {status} in {seconds}s{image}";
    }

    /// <summary>One line for a failed target: what failed, its exit code and the engine's message.</summary>
    public static string Failure(TargetResult result)
    {
        var exit = result.ExitCode is { } code ? $" with exit code {code}" : string.Empty;
        var message = string.IsNullOrWhiteSpace(result.Message) ? string.Empty : $": {result.Message}";
        return $"{Describe(result.Target)} failed{exit}{message}";
    }
}
