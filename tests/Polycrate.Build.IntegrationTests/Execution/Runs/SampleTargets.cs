using System.Diagnostics;
using Polycrate.Build.IntegrationTests.Execution.Docker;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>The target containers of a sample (eng/samples/start-targets.sh) and commands inside them.</summary>
public static class SampleTargets
{
    public static string SampleDirectory(string sample) => Path.Combine(DockerEngineFixture.RepositoryRoot, "samples", sample);

    /// <summary>Starts (or restarts, re-provisions) the sample's targets; the workspace key lands in the repository's sample.</summary>
    public static Task StartAsync(string sample) => DockerEngineFixture.RunScriptAsync("eng/samples/start-targets.sh", sample);

    public static string Container(string host) => "polycrate-sample-" + host;

    /// <summary>Runs a command in a target container with `docker exec`; returns its stdout, throws when it fails.</summary>
    public static Task<string> ExecAsync(string host, params string[] command) => DockerAsync(["exec", Container(host), .. command]);

    public static async Task<string> DockerAsync(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start docker");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await stdout
            : throw new InvalidOperationException($"docker {string.Join(' ', arguments)} exited {process.ExitCode}: {await stderr}");
    }

    /// <summary>Replaces one `key: value` line of a workspace.poly (the sample's own text stays as it is otherwise).</summary>
    public static void SetConfig(TestWorkspace workspace, string key, string value)
    {
        var lines = workspace.Read("workspace.poly").Split('\n');
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
        Assert.True(index >= 0, $"workspace.poly has no '{key}:'");
        lines[index] = lines[index][..lines[index].IndexOf(key, StringComparison.Ordinal)] + $"{key}: \"{value}\"";
        workspace.Write("workspace.poly", string.Join('\n', lines));
    }
}
