using Polycrate.Build.Testing;

namespace Polycrate.Build.FrontEndTests;

/// <summary>
/// Cake's half of "all three front ends report the same warnings" (issue 13): a real `dotnet cake` run of registered tasks
/// on a workspace with seven load warnings logs each once, in the CLI's <c>file:line:col: warning PCBnnnn:</c> form at the
/// CLI's position (<see cref="LoadWarningsWorkspace"/>) — although registering the tasks and each of the two step tasks
/// load the workspace. A plain alias call (<c>PolycrateRun</c>) shows them too.
/// </summary>
[Collection(AddinCollection.Name)]
public sealed class LoadWarningsCakeTests(AddinFeedFixture feed)
{
    [Theory]
    [InlineData("PolycrateRegisterTasks(Task, new PolycrateTasksSettings { Runtime = RuntimeKind.Host });\nRunTarget(\"release__second\");")]
    [InlineData("PolycrateRun(\"app\", \"hello\", new PolycrateRunSettings { Runtime = RuntimeKind.Host });")]
    public async Task A_cake_run_logs_every_load_warning_once_at_its_position(string script)
    {
        using var workspace = TestWorkspace.Empty();
        LoadWarningsWorkspace.WriteTo(workspace.Root);
        workspace.Write("build.cake", "#addin nuget:?package=Cake.Polycrate&version=0.1.0\n" + script + "\n");
        await feed.RestoreToolsAsync(workspace);

        var result = await feed.CakeAsync(workspace);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Sorted(LoadWarningsWorkspace.Expected), Sorted(LoadWarningsWorkspace.FromCliFormat(result.Output, workspace.Root)));
        // Hints in Cake's words: a Cake run has no --identity option.
        Assert.Contains("in the environment of the Cake run", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--identity", result.Output, StringComparison.Ordinal);
    }

    private static List<string> Sorted(IEnumerable<ShownWarning> warnings) => [.. warnings.Select(w => w.ToString()).Order(StringComparer.Ordinal)];
}
