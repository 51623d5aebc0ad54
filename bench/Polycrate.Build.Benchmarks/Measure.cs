using System.Diagnostics;

namespace Polycrate.Build.Benchmarks;

/// <summary>Timing and process helpers shared by all benchmarks.</summary>
internal static class Measure
{
    /// <summary>
    /// How to start the CLI under test: an installed tool (the path given; what users run, native AOT on linux-x64),
    /// or else this build's output through <c>dotnet polycrate-build.dll</c> (JIT).
    /// </summary>
    public static (string Program, string[] Prefix, string Description) Cli(string? toolPath) =>
        toolPath is null
            ? ("dotnet", [Path.Combine(AppContext.BaseDirectory, "polycrate-build.dll")], "dotnet polycrate-build.dll (build output, JIT)")
            : (Path.GetFullPath(toolPath), [], Path.GetFullPath(toolPath));

    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static async Task<double> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalSeconds;
    }

    public static async Task WriteRandomFileAsync(string path, long size, CancellationToken ct)
    {
        var buffer = new byte[1 << 20];
        new Random(42).NextBytes(buffer);
        await using var file = File.Create(path);
        for (long written = 0; written < size; written += buffer.Length)
        {
            await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - written)), ct);
        }
    }

    /// <summary>Runs a program to completion and returns its stdout; throws with its stderr when it fails.</summary>
    public static async Task<string> RunProcessAsync(string fileName, IEnumerable<string> args, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 ? await stdout : throw new InvalidOperationException($"{fileName} exited {process.ExitCode}: {stderr}");
    }
}
