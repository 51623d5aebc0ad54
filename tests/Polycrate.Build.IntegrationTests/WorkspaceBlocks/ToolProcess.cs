using System.Diagnostics;

namespace Polycrate.Build.IntegrationTests.WorkspaceBlocks;

/// <summary>
/// Runs the built <c>polycrate-build</c> as its own process, as a user's shell does, with environment variables of
/// its own (<c>POLYCRATE_REGISTRY_URL</c>, <c>WORKSPACE_ENCRYPTION_KEY</c>) that an in-process run cannot set safely.
/// </summary>
internal static class ToolProcess
{
    /// <summary>The CLI's build output of the same configuration as this test assembly.</summary>
    private static string Dll
    {
        get
        {
            var configuration = typeof(ToolProcess).Assembly.Location.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Release" : "Debug";
            var dll = Path.Combine(Testing.RepositoryRoot.Path, "src", "Polycrate.Build.Cli", "bin", configuration, "net10.0", "polycrate-build.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build src/Polycrate.Build.Cli first");
        }
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workspace, IReadOnlyDictionary<string, string> environment,
        params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Dll);
        foreach (var arg in new[] { "-w", workspace }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        // Never inherit a developer's own settings: only what the test names.
        foreach (var name in new[] { "POLYCRATE_REGISTRY_URL", "WORKSPACE_ENCRYPTION_KEY", "CI" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
