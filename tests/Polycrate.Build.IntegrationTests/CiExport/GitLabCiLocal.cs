using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Polycrate.Build.IntegrationTests.Execution.Docker;
using Polycrate.Build.IntegrationTests.Execution.Runs;

namespace Polycrate.Build.IntegrationTests.CiExport;

/// <summary>
/// A throw-away git repository holding a copy of a workspace and the pipeline <c>workflows export</c> generated for
/// it, run for real by gitlab-ci-local: jobs without an image run in the shell, each in its own build directory
/// (<c>--shell-isolation</c>), so state reaches a job only as the artifacts of the jobs it needs.
/// </summary>
public sealed partial class GitLabCiLocal : IDisposable
{
    private GitLabCiLocal(TestWorkspace workspace)
    {
        Workspace = workspace;
    }

    public TestWorkspace Workspace { get; }

    /// <summary>The CLI built with the tests (the apphost beside the test assembly); jobs call it through --command.</summary>
    public static string CliPath => Path.Combine(AppContext.BaseDirectory, "polycrate-build");

    /// <summary>Installs the CI tools through the project's script; fails (never skips) when that is not possible.</summary>
    public static Task InstallToolsAsync() => DockerEngineFixture.RunScriptAsync("eng/install-ci-tools.sh");

    /// <summary>A repository with a copy of <paramref name="sampleDirectory"/>; <paramref name="edit"/> may change it before the export.</summary>
    public static async Task<GitLabCiLocal> CreateAsync(string sampleDirectory, string workflow, Action<TestWorkspace>? edit = null)
    {
        var repository = new GitLabCiLocal(TestWorkspace.CopyOf(sampleDirectory));
        edit?.Invoke(repository.Workspace);
        var export = await repository.Workspace.RunAsync("workflows", "export", workflow, "--format", "gitlab-ci",
            "--command", CliPath, "--runtime", "host", "--project-root", repository.Workspace.Root);
        Assert.True(export.ExitCode == 0, export.ToString());
        repository.Workspace.Write(".gitlab-ci.yml", export.Stdout);
        repository.Workspace.Write(".gitignore", ".gitlab-ci-local/\n.logs/\nartifacts/\n");
        await Git(repository.Workspace.Root, "init", "-q", "-b", "main", ".");
        await Git(repository.Workspace.Root, "add", "-A");
        await Git(repository.Workspace.Root, "-c", "user.name=test", "-c", "user.email=test@localhost", "commit", "-q", "-m", "pipeline");
        return repository;
    }

    /// <summary>Runs the whole pipeline; returns gitlab-ci-local's exit code and output.</summary>
    public async Task<PipelineRun> RunAsync()
    {
        var start = new ProcessStartInfo("gitlab-ci-local") { WorkingDirectory = Workspace.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--shell-isolation", "--no-artifacts-to-source", "--timestamps", "--no-color", "--max-job-name-padding", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start gitlab-ci-local");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return new PipelineRun(process.ExitCode, await stdout + "\n" + await stderr, clock.Elapsed);
    }

    /// <summary>A file a job left in its artifacts (null when the job did not hand it on).</summary>
    public string? ArtifactOf(string job, string relativePath)
    {
        var path = Path.Combine(Workspace.Root, ".gitlab-ci-local", "artifacts", job, relativePath);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    /// <summary>Whether a file exists in a job's build directory after the run.</summary>
    public bool ExistsInBuild(string job, string relativePath) =>
        File.Exists(Path.Combine(Workspace.Root, ".gitlab-ci-local", "builds", job, relativePath));

    /// <summary>Times (seconds since the epoch) of "STEP start|end T" lines in a job's artifacts/blocks/BLOCK/timeline.txt.</summary>
    public (double Start, double End) Interval(string job, string block, string step)
    {
        var timeline = ArtifactOf(job, $"artifacts/blocks/{block}/timeline.txt") ?? throw new InvalidOperationException($"job {job} left no timeline of {block}");
        double Find(string what) => double.Parse(Regex.Match(timeline, $@"^{step} {what} ([0-9.]+)$", RegexOptions.Multiline).Groups[1].Value, CultureInfo.InvariantCulture);
        return (Find("start"), Find("end"));
    }

    public void Dispose() => Workspace.Dispose();

    private static async Task Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)}: {await error}");
    }
}

/// <summary>The outcome of a gitlab-ci-local run: job results from its summary ("PASS  [ 1.2 s] name").</summary>
public sealed partial record PipelineRun(int ExitCode, string Output, TimeSpan Wall)
{
    /// <summary>gitlab-ci-local's own "pipeline finished in N s" (its start-up and YAML validation excluded).</summary>
    public double PipelineSeconds => Seconds(Finished().Match(Output).Groups["time"].Value);

    /// <summary>Job name → (PASS/FAIL/WARN, seconds).</summary>
    public IReadOnlyDictionary<string, (string Result, double Seconds)> Jobs { get; } = Summary().Matches(Output)
        .ToDictionary(m => m.Groups["job"].Value, m => (m.Groups["result"].Value, Seconds(m.Groups["time"].Value)));

    public override string ToString() => $"gitlab-ci-local exit code {ExitCode}\n{Output}";

    private static double Seconds(string text)
    {
        var parts = text.Trim().Split(' ');
        var value = double.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts.Length > 1 && parts[1] == "ms" ? value / 1000 : parts.Length > 1 && parts[1] == "min" ? value * 60 : value;
    }

    [GeneratedRegex(@"pipeline finished in (?<time>[0-9.]+ ?(?:ms|s|min)?)")]
    private static partial Regex Finished();

    [GeneratedRegex(@"^\s*(?<result>PASS|FAIL|WARN)\s+\[\s*(?<time>[0-9.]+ ?(?:ms|s|min)?)\]\s+(?<job>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Summary();
}
