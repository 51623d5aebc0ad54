using System.Globalization;

namespace Polycrate.Build.Benchmarks;

/// <summary>
/// Issue 11 (c): the nightly-maintenance sample's 3-step workflow (backup → update → verify) against its two sshd target
/// containers, default (shared container, persistent SSH) vs `--isolate-steps`, alternating, medians. Runs a copy of the
/// sample (its SSH key included). The targets must run and be provisioned: `bash eng/samples/start-targets.sh
/// nightly-maintenance` then `polycrate-build -w samples/nightly-maintenance run linux-maintenance setup`; wrap the
/// benchmark in `flock /tmp/polycrate-targets.lock` (the targets' ports are fixed).
/// Args: [repetitions=5] [installed tool path] (see <see cref="Measure.Cli"/>).
/// A third series, <c>floor</c>, is what no tool can beat: the three playbooks in ONE `ansible-playbook` process in ONE raw
/// `docker run` (one Ansible start-up, SSH connections shared by Ansible's own ControlPersist, the snapshot the tool would
/// pass as extra vars). floor/isolated is the lowest default/isolated any implementation could reach on this workflow;
/// default/floor is what the tool still adds.
/// </summary>
internal sealed class NightlyBenchmark : IBenchmark
{
    private const string Image = "polycrate-toolchain:bookworm-2";

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
            var floor = await FloorArgumentsAsync(program, prefix, root, ct);
            var series = new AlternatingSeries()
                .Add("isolated", () => Measure.RunProcessAsync(program, isolated, ct))
                .Add("default", () => Measure.RunProcessAsync(program, shared, ct))
                .Add("floor", () => Measure.RunProcessAsync("docker", floor, ct));
            await series.MeasureAsync(repetitions);
            series.Report(
                $"nightly benchmark: samples/nightly-maintenance workflow against db01/app01, {repetitions} repetitions each, {cliDescription}\n"
                + "  isolated = --isolate-steps (baseline), default = shared container, SSH kept,\n"
                + "  floor = the 3 playbooks in one ansible-playbook in one raw docker run (the best any tool can do)",
                ("default", "isolated", 0.75), ("floor", "isolated", null), ("default", "floor", null));
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// `docker run` arguments of the floor series: the toolchain image, host network (as the tool runs it), the copy of the
    /// sample at /workspace, the workspace's container env, a 0600 copy of the SSH key, and the block's snapshot (from
    /// `run linux-maintenance backup --snapshot -o json`, written into the copy) as extra vars.
    /// </summary>
    private static async Task<string[]> FloorArgumentsAsync(string program, string[] prefix, string root, CancellationToken ct)
    {
        var snapshot = await Measure.RunProcessAsync(program, [.. prefix, "-w", root, "run", "linux-maintenance", "backup", "--snapshot", "-o", "json"], ct);
        await File.WriteAllTextAsync(Path.Combine(root, "floor-snapshot.json"), snapshot, ct);
        const string Block = "/workspace/blocks/registry.acme-corp.com/acme/infra/linux-maintenance";
        return ["run", "--rm", "--network", "host", "-v", $"{root}:/workspace", "-w", Block,
            "-e", "ANSIBLE_PIPELINING=True", "-e", "ANSIBLE_PRIVATE_KEY_FILE=/tmp/floor-key", Image, "sh", "-c",
            "install -m 0600 /workspace/artifacts/secrets/id_ed25519 /tmp/floor-key && exec ansible-playbook "
            + "-i /workspace/inventory.yml -e @/workspace/floor-snapshot.json backup.yml update.yml verify.yml"];
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
