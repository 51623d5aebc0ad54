using System.Diagnostics;

namespace Polycrate.Build.IntegrationTests.Hostile;

/// <summary>
/// The real <c>polycrate-build</c> executable (the apphost built beside the tests) as a separate process: for tests of
/// what only separate processes show (file locks across processes, the process environment, signals).
/// </summary>
internal static class CliProcess
{
    public static string Executable => Path.Combine(AppContext.BaseDirectory, "polycrate-build");

    /// <summary>Starts the CLI with stdout and stderr captured; <paramref name="environment"/> entries with a null value are removed.</summary>
    public static Process Start(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CI"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
    }

    /// <summary>Runs the CLI to its end (at most <paramref name="timeout"/>, then kills it and fails).</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)> RunAsync(
        IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        using var process = Start(args, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"polycrate-build {string.Join(' ', args)} did not end within {timeout}: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr, clock.Elapsed);
    }
}
