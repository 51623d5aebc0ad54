using System.Text.RegularExpressions;

namespace Polycrate.Build.FrontEndTests;

/// <summary>What a front end's log shows of a real nightly-maintenance run (the engine's progress lines, Ansible's output).</summary>
internal static partial class SampleRun
{
    /// <summary>The steps of a workflow in the order the log reports them succeeded ("Polycrate: step wf/backup (…): succeeded").</summary>
    public static IReadOnlyList<string> StepsSucceeded(string output, string workflow) =>
        StepSucceeded().Matches(output).Where(m => m.Groups["workflow"].Value == workflow).Select(m => m.Groups["step"].Value).ToList();

    /// <summary>
    /// verify's debug message: the health endpoint answered 200 on the release workspace.poly configures
    /// (<c>app_release</c>), after the update step finished.
    /// </summary>
    public static void AssertHealthCheckOk(TestWorkspace workspace, string output)
    {
        var release = File.ReadAllLines(workspace.PathOf("workspace.poly"))
            .Single(l => l.TrimStart().StartsWith("app_release:", StringComparison.Ordinal)).Split(':', 2)[1].Trim().Trim('"');
        var health = new Regex($@"Health-check OK: 200 .*\(release {Regex.Escape(release)}\)").Match(output);
        Assert.True(health.Success, $"no 'Health-check OK: 200 … (release {release})' in:\n{output}");
        var updated = StepSucceeded().Matches(output).First(m => m.Groups["step"].Value == "update");
        Assert.True(updated.Index < health.Index, "the health check must come after the update step");
    }

    [GeneratedRegex(@"Polycrate: step (?<workflow>[\w-]+)/(?<step>[\w-]+) \([\w-]+ [\w-]+\): succeeded")]
    private static partial Regex StepSucceeded();
}
