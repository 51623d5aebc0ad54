namespace Polycrate.Build.Benchmarks;

/// <summary>
/// Start-up of the CLI as users run it, a new process each time: <c>version</c> (no workspace), <c>--help</c> (the whole
/// command tree) and <c>workspace inspect</c> of the seed 001 sample (samples/nightly-maintenance). Measured in the same
/// run, alternating with the tool under test: this build's output through <c>dotnet polycrate-build.dll</c> (JIT) and,
/// when given, the floor: bench/StartupBaseline, a native hello-world linked like the CLI
/// (<c>dotnet publish bench/StartupBaseline -c Release -o DIR</c>), i.e. what the runtime itself costs to start here.
/// Args: REPETITIONS TOOL [BASELINE]: TOOL is an installed tool (`dotnet tool install Polycrate.Build.Cli --add-source
/// artifacts/packages --tool-path artifacts/tool`: the native-AOT executable on linux-x64) or a `dotnet publish -c
/// Release` output. Goals (issue "Speed"): version median ≤ 15 ms, inspect of a seed sample ≤ 40 ms.
/// </summary>
internal sealed class StartupBenchmark : IBenchmark
{
    public string Name => "startup";

    public string Description => "version, --help and inspect of a seed sample: tool vs JIT build output and a native hello-world (REPETITIONS TOOL [BASELINE])";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        if (args.Count < 2)
        {
            Console.Error.WriteLine("usage: startup REPETITIONS TOOL [BASELINE] (TOOL: the installed polycrate-build, e.g. artifacts/tool/polycrate-build; "
                + "BASELINE: the published bench/StartupBaseline executable)");
            return 2;
        }

        var repetitions = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
        var tool = Measure.Cli(args[1]);
        var jit = Measure.Cli(null);
        var baseline = args.Count > 2 ? Path.GetFullPath(args[2]) : null;
        var sample = Path.Combine(Testing.RepositoryRoot.Path, "samples", "nightly-maintenance");
        string[] version = ["version"];
        string[] help = ["--help"];
        string[] inspect = ["-w", sample, "workspace", "inspect"];

        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        async Task Time(string key, string program, string[] command)
        {
            var elapsed = await Measure.TimeAsync(() => Measure.RunProcessAsync(program, command, ct));
            (times.TryGetValue(key, out var list) ? list : times[key] = []).Add(elapsed * 1000);
        }

        var loadBefore = Load();

        // Warm the file cache for all, not measured.
        await Time("warm", tool.Program, [.. tool.Prefix, .. inspect]);
        await Time("warm", jit.Program, [.. jit.Prefix, .. inspect]);
        for (var i = 0; i < repetitions; i++)
        {
            if (baseline is not null)
            {
                await Time("baseline", baseline, []);
            }

            await Time("tool version", tool.Program, [.. tool.Prefix, .. version]);
            await Time("tool help", tool.Program, [.. tool.Prefix, .. help]);
            await Time("tool inspect", tool.Program, [.. tool.Prefix, .. inspect]);
            await Time("jit version", jit.Program, [.. jit.Prefix, .. version]);
            await Time("jit inspect", jit.Program, [.. jit.Prefix, .. inspect]);
        }

        double Ms(string key) => Measure.Median(times[key]);
        string Figure(string key) => $"median {Ms(key):F1} ms (best {times[key].Min():F1})";
        Console.WriteLine($"startup benchmark: {repetitions} repetitions, alternating; tool = {tool.Description}; JIT = {jit.Description}; "
            + $"load average before {loadBefore}, after {Load()}");
        if (baseline is not null)
        {
            Console.WriteLine($"  native hello-world (floor, {baseline}): {Figure("baseline")}");
        }

        var floor = baseline is null ? string.Empty : $", {Ms("tool version") / Ms("baseline"):F2}× the floor";
        Console.WriteLine($"  version: tool {Figure("tool version")}{floor}; JIT {Figure("jit version")} (goal ≤ 15 ms)");
        Console.WriteLine($"  --help: tool {Figure("tool help")}");
        Console.WriteLine($"  inspect samples/nightly-maintenance: tool {Figure("tool inspect")}; JIT {Figure("jit inspect")} (goal ≤ 40 ms)");
        return 0;
    }

    /// <summary>The 1, 5 and 15 minute load averages (the machine is shared; figures are only comparable at similar load).</summary>
    internal static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
