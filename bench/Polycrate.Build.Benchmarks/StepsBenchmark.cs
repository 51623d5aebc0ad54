using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Engine;
using Polycrate.Build.Execution;
using Polycrate.Build.Graph;

namespace Polycrate.Build.Benchmarks;

/// <summary>
/// Per-step cost of a long workflow on the host runtime (issue 12): one workflow of N sequential steps, each running
/// the script <c>true</c>, run in this process through <see cref="PolycrateEngine"/> (load, graph, scheduler,
/// snapshot, process, run log). The figure is wall time divided by N, for N = 500 and N = 5,000; the goal is that both
/// are equal (no cost that grows with the workflow's size). Args: [small=500] [large=5000].
/// </summary>
internal sealed class StepsBenchmark : IBenchmark
{
    public string Name => "steps";

    public string Description => "per-step cost of a 500- and a 5,000-step workflow on the host runtime ([small=500] [large=5000] [--prepare-only])";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var prepareOnly = args.Contains("--prepare-only");
        var numbers = args.Where(a => a != "--prepare-only").ToList();
        var small = numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 500;
        var large = numbers.Count > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 5000;
        // Warm-up (JIT tiers, file cache), not reported: the preparation alone takes a few ms per step, so it needs more steps.
        await MeasureAsync(300, prepareOnly: true, ct);
        if (!prepareOnly)
        {
            await MeasureAsync(20, prepareOnly: false, ct);
        }

        var smallCost = await MeasureAsync(small, prepareOnly, ct);
        var largeCost = await MeasureAsync(large, prepareOnly, ct);
        if (!prepareOnly)
        {
            Console.WriteLine($"steps benchmark: one workflow of N sequential steps (script 'true'), --runtime host, in process, wall time / N");
            Console.WriteLine($"  {small,5} steps: {smallCost.Run * 1000:F2} ms per step");
            Console.WriteLine($"  {large,5} steps: {largeCost.Run * 1000:F2} ms per step");
            Console.WriteLine($"  ratio {large}/{small}: {largeCost.Run / smallCost.Run:F2} (goal: 1.0, i.e. per-step cost independent of the workflow's size)");
            Console.WriteLine("CPU time of this process per step (user + system, the started processes not included; less dependent on the machine's load):");
            Console.WriteLine($"  {small,5} steps: {smallCost.Cpu * 1000:F2} ms per step");
            Console.WriteLine($"  {large,5} steps: {largeCost.Cpu * 1000:F2} ms per step");
            Console.WriteLine($"  ratio {large}/{small}: {largeCost.Cpu / smallCost.Cpu:F2}");
        }

        Console.WriteLine("preparation only (environment, snapshot, private files; no process started; independent of the machine's process-start load), per step:");
        Console.WriteLine($"  {small,5} steps: {smallCost.Prepare * 1000:F3} ms per step (snapshot file {smallCost.SnapshotBytes:N0} bytes)");
        Console.WriteLine($"  {large,5} steps: {largeCost.Prepare * 1000:F3} ms per step (snapshot file {largeCost.SnapshotBytes:N0} bytes)");
        Console.WriteLine($"  ratio {large}/{small}: {largeCost.Prepare / smallCost.Prepare:F2}");
        return 0;
    }

    /// <summary>Seconds per step of the whole run (0 with <paramref name="prepareOnly"/>) and of the preparation alone, for a workflow of <paramref name="steps"/> steps.</summary>
    private static async Task<(double Run, double Cpu, double Prepare, long SnapshotBytes)> MeasureAsync(int steps, bool prepareOnly, CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("steps-bench-").FullName;
        try
        {
            await GenerateAsync(root, steps, ct);
            var (prepare, snapshotBytes) = await StepPreparationProbe.MeasureAsync(root, "long", ct);
            if (prepareOnly)
            {
                return (0, 0, prepare, snapshotBytes);
            }

            var engine = new PolycrateEngine(NullLoggerFactory.Instance);
            var options = new RunOptions { WorkspaceDirectory = root, Runtime = RuntimeKind.Host, Force = true };
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var report = await engine.RunWorkflowAsync(options, "long", null, new SilentObserver(), ct);
            var elapsed = clock.Elapsed.TotalSeconds;
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            if (!report.Summary.Succeeded)
            {
                throw new InvalidOperationException($"the {steps}-step workflow failed");
            }

            return (elapsed / steps, cpu.TotalSeconds / steps, prepare, snapshotBytes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task GenerateAsync(string root, int steps, CancellationToken ct)
    {
        var block = Path.Combine(root, "blocks", "bench");
        Directory.CreateDirectory(block);
        await File.WriteAllTextAsync(Path.Combine(block, "block.poly"), "name: bench\nactions:\n  - name: noop\n    script:\n      - \"true\"\n", ct);
        var workspace = new StringBuilder("name: steps-bench\nblocks:\n  - name: bench\nworkflows:\n  - name: long\n    steps:\n");
        for (var i = 0; i < steps; i++)
        {
            workspace.Append(CultureInfo.InvariantCulture, $"      - name: step-{i}\n        block: bench\n        action: noop\n");
        }

        await File.WriteAllTextAsync(Path.Combine(root, "workspace.poly"), workspace.ToString(), ct);
    }

    private sealed class SilentObserver : IRunObserver
    {
        public void TargetStarted(Target target)
        {
        }

        public void TargetFinished(TargetResult result)
        {
        }

        public void Output(Target target, string line, bool isError)
        {
        }
    }
}
