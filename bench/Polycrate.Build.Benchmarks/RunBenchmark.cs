using System.Globalization;

namespace Polycrate.Build.Benchmarks;

/// <summary>
/// `polycrate-build run bench hello` (a new process each time: workspace load, snapshot, engine API, container)
/// against the baseline measured in the same run: raw `docker run --rm … ansible-playbook` of the same image and
/// the same trivial playbook (one localhost debug task). A third series runs a workspace with an unchanged
/// Dockerfile.poly (built once before measuring), to show what the incremental image check adds.
/// Needs the Docker engine and polycrate-toolchain:bookworm-2 (eng/start-docker.sh, eng/build-toolchain-image.sh).
/// Args: [repetitions=10] [installed tool path] (see <see cref="Measure.Cli"/>).
/// </summary>
internal sealed class RunBenchmark : IBenchmark
{
    /// <summary>The toolchain image every run benchmark measures in.</summary>
    internal const string Image = "polycrate-toolchain:bookworm-2";

    /// <summary>The trivial playbook every run benchmark measures (one localhost debug task).</summary>
    internal const string Playbook = """
        - name: Benchmark
          hosts: localhost
          connection: local
          gather_facts: false
          tasks:
            - name: Say hello
              ansible.builtin.debug:
                msg: hello
        """;

    public string Name => "run";

    public string Description => "`polycrate-build run` vs raw `docker run … ansible-playbook`, and with an unchanged Dockerfile.poly ([repetitions=10] [installed tool path])";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var repetitions = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var (program, prefix, cliDescription) = Measure.Cli(args.Count > 1 ? args[1] : null);
        var plain = await CreateWorkspaceAsync("bench-run", dockerfile: false, ct);
        var withDockerfile = await CreateWorkspaceAsync("bench-run-dockerfile", dockerfile: true, ct);
        string? builtTag = null;
        try
        {
            string[] raw = ["run", "--rm", "--network", "host", "-v", $"{plain}:/workspace", "-w", "/workspace/blocks/bench", Image,
                "ansible-playbook", "-i", "localhost,", "-c", "local", "play.yml"];
            string[] ours = [.. prefix, "-w", plain, "run", "bench", "hello"];
            string[] oursDockerfile = [.. prefix, "-w", withDockerfile, "run", "bench", "hello"];

            // Warm-up, not measured: the file cache, the engine, and the one build of the Dockerfile.poly image.
            await Measure.RunProcessAsync("docker", raw, ct);
            await Measure.RunProcessAsync(program, ours, ct);
            await Measure.RunProcessAsync(program, oursDockerfile, ct);
            builtTag = LatestImageTag(withDockerfile);

            var rawTimes = new List<double>();
            var ourTimes = new List<double>();
            var dockerfileTimes = new List<double>();
            for (var i = 0; i < repetitions; i++)
            {
                // Interleaved, so load from other work on the machine spreads over all three series alike.
                rawTimes.Add(await Measure.TimeAsync(() => Measure.RunProcessAsync("docker", raw, ct)));
                ourTimes.Add(await Measure.TimeAsync(() => Measure.RunProcessAsync(program, ours, ct)));
                dockerfileTimes.Add(await Measure.TimeAsync(() => Measure.RunProcessAsync(program, oursDockerfile, ct)));
            }

            var rawMedian = Measure.Median(rawTimes);
            var ourMedian = Measure.Median(ourTimes);
            var dockerfileMedian = Measure.Median(dockerfileTimes);
            Console.WriteLine($"run benchmark: one localhost debug task in {Image}, {repetitions} repetitions each, wall time per process, {cliDescription}");
            Console.WriteLine($"  raw docker run … ansible-playbook (baseline): median {rawMedian:F3} s, best {rawTimes.Min():F3} s");
            Console.WriteLine($"  polycrate-build run bench hello:              median {ourMedian:F3} s, best {ourTimes.Min():F3} s");
            Console.WriteLine($"  ratio polycrate-build/raw: {ourMedian / rawMedian:F2} (goal <= 1.05)");
            Console.WriteLine($"  with an unchanged Dockerfile.poly:            median {dockerfileMedian:F3} s, best {dockerfileTimes.Min():F3} s");
            Console.WriteLine($"  added by the unchanged Dockerfile.poly: {(dockerfileMedian - ourMedian) * 1000:F0} ms (goal <= 50 ms)");
            return 0;
        }
        finally
        {
            if (builtTag is not null)
            {
                await Measure.RunProcessAsync("docker", ["image", "rm", "-f", builtTag], CancellationToken.None);
            }

            Directory.Delete(plain, recursive: true);
            Directory.Delete(withDockerfile, recursive: true);
        }
    }

    private static async Task<string> CreateWorkspaceAsync(string name, bool dockerfile, CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory(name + "-").FullName;
        var block = Path.Combine(root, "blocks", "bench");
        Directory.CreateDirectory(block);
        await File.WriteAllTextAsync(Path.Combine(root, "workspace.poly"),
            $"name: {name}\nconfig:\n  container:\n    image: {Image}\nblocks:\n  - name: bench\n", ct);
        await File.WriteAllTextAsync(Path.Combine(block, "block.poly"), "name: bench\nactions:\n  - name: hello\n    playbook: play.yml\n", ct);
        await File.WriteAllTextAsync(Path.Combine(block, "play.yml"), Playbook, ct);
        if (dockerfile)
        {
            await File.WriteAllTextAsync(Path.Combine(root, "Dockerfile.poly"), $"FROM {Image}\nLABEL bench=run\n", ct);
        }

        return root;
    }

    /// <summary>The image the last run of a workspace used, from its run log (the image target's message).</summary>
    private static string? LatestImageTag(string workspace)
    {
        var logs = new Transactions.RunLogStore(workspace, ".logs").List();
        var image = logs.Count == 0 ? null : ((Model.ConfigList)logs[0].Content["targets"]!).Items.Cast<Model.ConfigMap>().FirstOrDefault(t => t["id"]?.ToString() == "image");
        return image?["message"]?.ToString();
    }
}
