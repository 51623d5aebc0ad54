using System.Diagnostics;
using System.Text;

namespace Polycrate.Build.Benchmarks;

/// <summary>
/// `polycrate-build workspace inspect` as a user runs it (a new process each time) on a generated workspace with
/// 1,000 blocks (500 installed blocks and 500 instances inheriting from them) and 100 workflows. Baseline in the
/// same run: `polycrate-build version` (process start-up with no workspace). Args: [repetitions=10] [tool]: without
/// a tool the build output is run with `dotnet polycrate-build.dll` (JIT); pass the path of an installed tool
/// (`dotnet tool install Polycrate.Build.Cli --add-source artifacts/packages --tool-path artifacts/tool`) to measure
/// what users run (native AOT on linux-x64). Goal (issue "Speed"): ≤ 0.25 s for the whole process.
/// </summary>
internal sealed class InspectBenchmark : IBenchmark
{
    public string Name => "inspect";

    public string Description => "workspace inspect on 1,000 blocks and 100 workflows vs `version` ([repetitions=10] [installed tool path])";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var repetitions = args.Count > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var (program, prefix, cliDescription) = Measure.Cli(args.Count > 1 ? args[1] : null);
        var root = Directory.CreateTempSubdirectory("inspect-bench-").FullName;
        try
        {
            await GenerateAsync(root, ct);
            string[] inspect = [.. prefix, "-w", root, "workspace", "inspect"];
            string[] version = [.. prefix, "version"];
            await Measure.RunProcessAsync(program, inspect, ct); // warm the file cache, not measured

            var inspectTimes = new List<double>();
            var versionTimes = new List<double>();
            for (var i = 0; i < repetitions; i++)
            {
                versionTimes.Add(await Measure.TimeAsync(() => Measure.RunProcessAsync(program, version, ct)));
                inspectTimes.Add(await Measure.TimeAsync(() => Measure.RunProcessAsync(program, inspect, ct)));
            }

            var machineLoad = StartupBenchmark.Load();
            var load = await InProcessLoadAsync(root, repetitions, ct);
            Console.WriteLine($"inspect benchmark: 1,000 blocks (500 inherit), 100 workflows x 5 steps, {repetitions} repetitions, {cliDescription}; load average {machineLoad}");
            Console.WriteLine($"  workspace inspect, whole process (wall): median {Measure.Median(inspectTimes):F3} s, best {inspectTimes.Min():F3} s (goal ≤ 0.25 s)");
            Console.WriteLine($"  version, whole process (wall, baseline): median {Measure.Median(versionTimes):F3} s");
            Console.WriteLine($"  ratio inspect/version: {Measure.Median(inspectTimes) / Measure.Median(versionTimes):F2}");
            Console.WriteLine($"  in-process load (warm JIT): median {load * 1000:F1} ms");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<double> InProcessLoadAsync(string root, int repetitions, CancellationToken ct)
    {
        var loader = new Loading.WorkspaceLoader();
        var times = new List<double>();
        for (var i = 0; i < repetitions + 2; i++)
        {
            var sw = Stopwatch.StartNew();
            await loader.LoadAsync(root, new Loading.LoadOptions(), ct);
            times.Add(sw.Elapsed.TotalSeconds);
        }

        return Measure.Median(times.Skip(2).ToList());
    }

    private static async Task GenerateAsync(string root, CancellationToken ct)
    {
        var workspace = new StringBuilder("name: bench\norganization: acme\nblocks:\n");
        for (var i = 0; i < 500; i++)
        {
            var dir = Path.Combine(root, "blocks", "registry.example.com", "acme", $"base-{i:D3}");
            Directory.CreateDirectory(dir);
            await File.WriteAllTextAsync(Path.Combine(dir, "block.poly"), $"""
                name: registry.example.com/acme/base-{i:D3}
                version: 1.{i % 10}.0
                kind: generic
                config:
                  replicas: 1
                  enabled: true
                  chart: {'{'}name: app-{i}, version: 1.0.0, values: {'{'}tier: web, port: 8080{'}'}{'}'}
                  hosts: [a, b, c]
                actions:
                  - {'{'}name: install, playbook: install.yml{'}'}
                  - {'{'}name: upgrade, playbook: upgrade.yml{'}'}
                  - {'{'}name: check, script: ["echo ok"]{'}'}

                """, ct);
            workspace.Append($"  - name: app-{i:D3}\n    from: registry.example.com/acme/base-{i:D3}:1.{i % 10}.0\n    config: {{replicas: {i % 5}, enabled: false, chart: {{values: {{port: {9000 + i}}}}}}}\n");
        }

        workspace.Append("workflows:\n");
        for (var w = 0; w < 100; w++)
        {
            workspace.Append($"  - name: workflow-{w:D3}\n    steps:\n");
            for (var s = 0; s < 5; s++)
            {
                workspace.Append($"      - {{name: step-{s}, block: app-{(w * 5 + s) % 500:D3}, action: {(s % 2 == 0 ? "install" : "check")}}}\n");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(root, "workspace.poly"), workspace.ToString(), ct);
    }
}
