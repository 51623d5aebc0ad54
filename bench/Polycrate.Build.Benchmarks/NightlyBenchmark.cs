using System.Globalization;

namespace Polycrate.Build.Benchmarks;

/// <summary>
/// Issue 11 (c): the nightly-maintenance sample's 3-step workflow (backup → update → verify) against its two sshd target
/// containers, default (shared container, persistent SSH) vs `--isolate-steps`, alternating, medians. Runs a copy of the
/// sample (its SSH key included). The targets must run and be provisioned: `bash eng/samples/start-targets.sh
/// nightly-maintenance` then `polycrate-build -w samples/nightly-maintenance run linux-maintenance setup`; wrap the
/// benchmark in `flock /tmp/polycrate-targets.lock` (the targets' ports are fixed).
/// Args: [repetitions=5] [installed tool path] (see <see cref="Measure.Cli"/>).
/// </summary>
internal sealed class NightlyBenchmark : IBenchmark
{
    public string Name => "nightly";

    public string Description => "nightly-maintenance sample workflow against its sshd targets, default vs --isolate-steps ([repetitions=5] [installed tool path])";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var repetitions = args.Count > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var (program, prefix, cliDescription) = Measure.Cli(args.Count > 1 ? args[1] : null);
        var sample = Path.Combine(RepositoryRoot(), "samples", "nightly-maintenance");
        if (!File.Exists(Path.Combine(sample, "artifacts", "secrets", "id_ed25519")))
        {
            Console.Error.WriteLine($"{sample} has no SSH key yet: start the targets first (bash eng/samples/start-targets.sh nightly-maintenance)");
            return 2;
        }

        var root = Directory.CreateTempSubdirectory("bench-nightly-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(sample, f).StartsWith(".logs", StringComparison.Ordinal)))
            {
                var target = Path.Combine(root, Path.GetRelativePath(sample, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            string[] shared = [.. prefix, "-w", root, "workflows", "run", "nightly-maintenance", "--force"];
            string[] isolated = [.. shared, "--isolate-steps"];
            var series = new AlternatingSeries()
                .Add("isolated", () => Measure.RunProcessAsync(program, isolated, ct))
                .Add("default", () => Measure.RunProcessAsync(program, shared, ct));
            await series.MeasureAsync(repetitions);
            series.Report(
                $"nightly benchmark: samples/nightly-maintenance workflow against db01/app01, {repetitions} repetitions each, {cliDescription}\n"
                + "  isolated = --isolate-steps (baseline), default = shared container, SSH kept",
                ("default", "isolated", 0.75));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Polycrate.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmark from the repository's build output");
    }
}
