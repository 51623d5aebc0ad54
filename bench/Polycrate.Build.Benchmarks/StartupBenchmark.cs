namespace Polycrate.Build.Benchmarks;

/// <summary>
/// Start-up of the CLI as users run it, a new process each time: `version` (no workspace) and `workspace inspect` of the
/// seed 001 sample (samples/nightly-maintenance). Baseline in the same run: this build's output through
/// <c>dotnet polycrate-build.dll</c> (JIT), alternating with the tool under test. Args: [repetitions=20] [tool]: the
/// path of an installed tool (`dotnet tool install Polycrate.Build.Cli --add-source artifacts/packages --tool-path
/// artifacts/tool`: the native-AOT executable on linux-x64) or of a `dotnet publish -c Release` output.
/// Goals (issue "Speed"): version median ≤ 15 ms, inspect of a seed sample ≤ 40 ms.
/// </summary>
internal sealed class StartupBenchmark : IBenchmark
{
    public string Name => "startup";

    public string Description => "version and inspect of a seed sample: installed tool vs JIT build output ([repetitions=20] tool path)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count < 2)
        {
            Console.Error.WriteLine("usage: startup REPETITIONS TOOL (the installed polycrate-build, e.g. artifacts/tool/polycrate-build)");
            return 2;
        }

        var repetitions = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        var tool = Measure.Cli(args[1]);
        var jit = Measure.Cli(null);
        var sample = Path.Combine(Testing.RepositoryRoot.Path, "samples", "nightly-maintenance");
        string[] version = ["version"];
        string[] inspect = ["-w", sample, "workspace", "inspect"];

        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        async Task Time(string key, (string Program, string[] Prefix, string Description) cli, string[] command)
        {
            var elapsed = await Measure.TimeAsync(() => Measure.RunProcessAsync(cli.Program, [.. cli.Prefix, .. command], ct));
            (times.TryGetValue(key, out var list) ? list : times[key] = []).Add(elapsed);
        }

        // Warm the file cache for both, not measured.
        await Time("warm", tool, inspect);
        await Time("warm", jit, inspect);
        for (var i = 0; i < repetitions; i++)
        {
            await Time("tool version", tool, version);
            await Time("jit version", jit, version);
            await Time("tool inspect", tool, inspect);
            await Time("jit inspect", jit, inspect);
        }

        double Ms(string key) => Measure.Median(times[key]) * 1000;
        Console.WriteLine($"startup benchmark: {repetitions} repetitions, alternating; tool = {tool.Description}; baseline = {jit.Description}");
        Console.WriteLine($"  version: tool median {Ms("tool version"):F1} ms, baseline {Ms("jit version"):F1} ms, ratio {Ms("tool version") / Ms("jit version"):F2} (goal ≤ 15 ms)");
        Console.WriteLine($"  inspect samples/nightly-maintenance: tool median {Ms("tool inspect"):F1} ms, baseline {Ms("jit inspect"):F1} ms, ratio {Ms("tool inspect") / Ms("jit inspect"):F2} (goal ≤ 40 ms)");
        return 0;
    }
}
