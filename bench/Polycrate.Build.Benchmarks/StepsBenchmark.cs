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

    public string Description => "per-step cost of a 500- and a 5,000-step workflow on the host runtime ([small=500] [large=5000])";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var small = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var large = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
        await MeasureAsync(20, ct); // warm-up (JIT, file cache), not reported
        var smallCost = await MeasureAsync(small, ct);
        var largeCost = await MeasureAsync(large, ct);
        Console.WriteLine($"steps benchmark: one workflow of N sequential steps (script 'true'), --runtime host, in process, wall time / N");
        Console.WriteLine($"  {small,5} steps: {smallCost * 1000:F2} ms per step");
        Console.WriteLine($"  {large,5} steps: {largeCost * 1000:F2} ms per step");
        Console.WriteLine($"  ratio {large}/{small}: {largeCost / smallCost:F2} (goal: 1.0, i.e. per-step cost independent of the workflow's size)");
        return 0;
    }

    /// <summary>Seconds per step for a workflow of <paramref name="steps"/> steps.</summary>
    private static async Task<double> MeasureAsync(int steps, CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("steps-bench-").FullName;
        try
        {
            await GenerateAsync(root, steps, ct);
            var engine = new PolycrateEngine(NullLoggerFactory.Instance);
            var options = new RunOptions { WorkspaceDirectory = root, Runtime = RuntimeKind.Host, Force = true };
            var clock = Stopwatch.StartNew();
            var report = await engine.RunWorkflowAsync(options, "long", null, new SilentObserver(), ct);
            var elapsed = clock.Elapsed.TotalSeconds;
            if (!report.Summary.Succeeded)
            {
                throw new InvalidOperationException($"the {steps}-step workflow failed");
            }

            return elapsed / steps;
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
