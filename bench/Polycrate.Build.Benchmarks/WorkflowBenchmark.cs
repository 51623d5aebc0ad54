using System.Globalization;

namespace Polycrate.Build.Benchmarks;

/// <summary>
/// Issue 11 (b): a 3-step workflow (the same trivial playbook as <see cref="RunBenchmark"/> in every step) run by
/// `polycrate-build workflows run` — by default in one shared container, and with `--isolate-steps` — against the
/// baseline measured in the same run: three raw `docker run --rm … ansible-playbook` one after another. Alternating,
/// medians of wall time per series. Needs the Docker engine and polycrate-toolchain:bookworm-2.
/// Args: [repetitions=10] [installed tool path] (see <see cref="Measure.Cli"/>).
/// </summary>
internal sealed class WorkflowBenchmark : IBenchmark
{
    private const string Image = RunBenchmark.Image;

    private const string Playbook = RunBenchmark.Playbook;

    public string Name => "workflow";

    public string Description => "3-step workflow (shared container, --isolate-steps) vs 3 raw `docker run … ansible-playbook` ([repetitions=10] [installed tool path])";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var repetitions = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var (program, prefix, cliDescription) = Measure.Cli(args.Count > 1 ? args[1] : null);
        var root = Directory.CreateTempSubdirectory("bench-workflow-").FullName;
        try
        {
            var block = Path.Combine(root, "blocks", "bench");
            Directory.CreateDirectory(block);
            await File.WriteAllTextAsync(Path.Combine(root, "workspace.poly"), $"""
                name: bench-workflow
                config:
                  container:
                    image: {Image}
                blocks:
                  - name: bench
                workflows:
                  - name: three
                    steps:
                      - {"{"}name: one, block: bench, action: hello{"}"}
                      - {"{"}name: two, block: bench, action: hello{"}"}
                      - {"{"}name: three, block: bench, action: hello{"}"}

                """, ct);
            await File.WriteAllTextAsync(Path.Combine(block, "block.poly"), "name: bench\nactions:\n  - name: hello\n    playbook: play.yml\n", ct);
            await File.WriteAllTextAsync(Path.Combine(block, "play.yml"), Playbook, ct);

            string[] raw = ["run", "--rm", "--network", "host", "-v", $"{root}:/workspace", "-w", "/workspace/blocks/bench", Image,
                "ansible-playbook", "-i", "localhost,", "-c", "local", "play.yml"];
            string[] shared = [.. prefix, "-w", root, "workflows", "run", "three"];
            string[] isolated = [.. shared, "--isolate-steps"];
            async Task RawThreeAsync()
            {
                for (var step = 0; step < 3; step++)
                {
                    await Measure.RunProcessAsync("docker", raw, ct);
                }
            }

            var series = new AlternatingSeries()
                .Add("raw", RawThreeAsync)
                .Add("shared", () => Measure.RunProcessAsync(program, shared, ct))
                .Add("isolated", () => Measure.RunProcessAsync(program, isolated, ct));
            await series.MeasureAsync(repetitions);
            series.Report(
                $"workflow benchmark: 3 steps, one localhost debug task each, in {Image}, {repetitions} repetitions each, {cliDescription}\n"
                + "  raw = 3 x docker run … ansible-playbook (baseline), shared = workflows run (one container), isolated = workflows run --isolate-steps",
                ("shared", "raw", 0.80), ("isolated", "raw", null), ("shared", "isolated", null));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
