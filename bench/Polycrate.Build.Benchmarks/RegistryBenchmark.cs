using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Archive;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Benchmarks;

/// <summary>
/// Pushes and pulls a block (default 50 MB of incompressible files) to the local anonymous registry of
/// eng/start-registry.sh with our client, and copies the same image with skopeo in the same run; prints
/// seconds and the ratio skopeo/ours (above 1 = we are faster). Our push includes packing (tar+gzip);
/// skopeo uploads the already packed OCI layout. Content changes every round so no side can reuse
/// blobs from an earlier round (skopeo's blob-info cache would otherwise mount instead of uploading). Our pull includes extraction; skopeo's only stores blobs.
/// Args: [sizeMB] [repetitions].
/// </summary>
internal sealed class RegistryBenchmark : IBenchmark
{
    public string Name => "registry";

    public string Description => "block push/pull vs skopeo copy on a local registry ([sizeMB=50] [repetitions=3])";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var sizeMb = args.Count > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50;
        var repetitions = args.Count > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var root = Testing.RepositoryRoot.Path;
        var env = (await Measure.RunProcessAsync("bash", [Path.Combine(root, "eng", "start-registry.sh")], ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1]);
        var host = "127.0.0.1:" + env["ANON_PORT"];
        var dir = Directory.CreateTempSubdirectory("registry-bench-").FullName;
        try
        {
            var block = Path.Combine(dir, "block");
            Directory.CreateDirectory(block);
            await File.WriteAllTextAsync(Path.Combine(block, "block.poly"), "name: bench\nversion: 1.0.0\n", ct);
            var random = new Random(42);
            var buffer = new byte[1_000_000];
            for (var i = 0; i < sizeMb; i++)
            {
                random.NextBytes(buffer);
                await File.WriteAllBytesAsync(Path.Combine(block, $"data-{i / 10}-{i % 10}.bin"), buffer, ct);
            }

            var times = new Dictionary<string, List<double>>();
            void Record(string key, double seconds) => (times.TryGetValue(key, out var l) ? l : times[key] = []).Add(seconds);

            for (var i = -1; i < repetitions; i++)
            {
                var run = $"{Guid.NewGuid():N}"[..10];

                // Fresh content each round: otherwise skopeo's blob-info cache mounts the blob instead of uploading.
                await File.WriteAllTextAsync(Path.Combine(block, "nonce.txt"), run, ct);
                random.NextBytes(buffer);
                await File.WriteAllBytesAsync(Path.Combine(block, "data-0-0.bin"), buffer, ct);
                var layout = Path.Combine(dir, "layout-" + run);
                await WriteOciLayoutAsync(block, layout, ct);
                var ours = ImageReference.Parse($"{host}/bench-ours-{run}:1.0.0");
                var theirs = $"docker://{host}/bench-skopeo-{run}:1.0.0";
                var target = Path.Combine(dir, "pulled-" + run);
                using var client = new RegistryClient(new RegistryClientOptions { Auth = RegistryAuthOptions.FromVariables(new Dictionary<string, string>(), dir) }, NullLogger.Instance);
                var sw = Stopwatch.StartNew();
                using (var packed = await BlockPacker.PackAsync(block, dir, ct))
                {
                    var pack = sw.Elapsed.TotalSeconds;
                    sw.Restart();
                    await Measure.RunProcessAsync("bash", ["-c", $"tar -C '{block}' -cf - . | gzip -6 > '{dir}/cli.tar.gz'"], ct);
                    var cliPack = sw.Elapsed.TotalSeconds;
                    sw.Restart();
                    var (config, manifest) = BlockImage.Build(packed, new PushOptions(ours, block, "1.0.0"));
                    var uploadOnly = ImageReference.Parse($"{host}/bench-upload-{run}:1.0.0");
                    await client.PushBlobAsync(uploadOnly, BlobContent.FromFile(packed.FilePath, packed.Digest), null, ct);
                    await client.PushBlobAsync(uploadOnly, BlobContent.FromBytes(config), null, ct);
                    await client.PushManifestAsync(uploadOnly, "1.0.0", MediaTypes.OciManifest, manifest, ct);
                    if (i >= 0)
                    {
                        Record("pack ours", pack);
                        Record("pack tar|gzip -6 CLI", cliPack);
                        Record("upload ours (packed layer)", sw.Elapsed.TotalSeconds);
                    }
                }

                using var fresh = new RegistryClient(new RegistryClientOptions { Auth = RegistryAuthOptions.FromVariables(new Dictionary<string, string>(), dir) }, NullLogger.Instance);

                sw.Restart();
                await new BlockPublisher(fresh).PushAsync(new PushOptions(ours, block, "1.0.0") { TempDirectory = dir }, ct);
                var push = sw.Elapsed.TotalSeconds;
                sw.Restart();
                await Measure.RunProcessAsync("skopeo", ["copy", "-q", "--dest-tls-verify=false", $"oci:{layout}:bench", theirs], ct);
                var skopeoPush = sw.Elapsed.TotalSeconds;
                sw.Restart();
                await new BlockPuller(fresh).PullAsync(new PullOptions(ours, target), ct);
                var pull = sw.Elapsed.TotalSeconds;
                sw.Restart();
                await Measure.RunProcessAsync("skopeo", ["copy", "-q", "--src-tls-verify=false", theirs, $"oci:{Path.Combine(dir, "skopeo-" + run)}:bench"], ct);
                var skopeoPull = sw.Elapsed.TotalSeconds;
                if (i >= 0)
                {
                    Record("push ours (pack+upload)", push);
                    Record("push skopeo", skopeoPush);
                    Record("pull ours (download+verify+extract)", pull);
                    Record("pull skopeo", skopeoPull);
                }

                Directory.Delete(target, recursive: true);
                Directory.Delete(layout, recursive: true);
                Directory.Delete(Path.Combine(dir, "skopeo-" + run), recursive: true);
            }

            Console.WriteLine($"registry benchmark: {sizeMb} MB block, local distribution registry {host}, {repetitions} repetitions (+1 warm-up)");
            foreach (var (key, values) in times)
            {
                Console.WriteLine($"{key,-38} median {Measure.Median(values),7:F2} s  ({sizeMb / Measure.Median(values),6:F1} MB/s)");
            }

            Console.WriteLine($"ratio pack tar|gzip/ours (time): {Measure.Median(times["pack tar|gzip -6 CLI"]) / Measure.Median(times["pack ours"]):F2}");
            Console.WriteLine($"ratio upload skopeo/ours (time, same packed image): {Measure.Median(times["push skopeo"]) / Measure.Median(times["upload ours (packed layer)"]):F2}");
            Console.WriteLine($"ratio push skopeo/ours (time): {Measure.Median(times["push skopeo"]) / Measure.Median(times["push ours (pack+upload)"]):F2}");
            Console.WriteLine($"ratio pull skopeo/ours (time): {Measure.Median(times["pull skopeo"]) / Measure.Median(times["pull ours (download+verify+extract)"]):F2}");
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The same block as an OCI image layout, so skopeo uploads exactly what we upload.</summary>
    private static async Task<string> WriteOciLayoutAsync(string block, string layout, CancellationToken ct)
    {
        var blobs = Path.Combine(layout, "blobs", "sha256");
        Directory.CreateDirectory(blobs);
        using var packed = await BlockPacker.PackAsync(block, layout, ct);
        var (config, manifest) = BlockImage.Build(packed, new PushOptions(ImageReference.Parse("localhost/bench:1.0.0"), block, "1.0.0"));
        File.Copy(packed.FilePath, Path.Combine(blobs, ContentDigest.Hex(packed.Digest)));
        await File.WriteAllBytesAsync(Path.Combine(blobs, ContentDigest.Hex(ContentDigest.Of(config))), config, ct);
        await File.WriteAllBytesAsync(Path.Combine(blobs, ContentDigest.Hex(ContentDigest.Of(manifest))), manifest, ct);
        await File.WriteAllTextAsync(Path.Combine(layout, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""", ct);
        var index = new
        {
            schemaVersion = 2,
            manifests = new[]
            {
                new Dictionary<string, object>
                {
                    ["mediaType"] = MediaTypes.OciManifest,
                    ["digest"] = ContentDigest.Of(manifest),
                    ["size"] = manifest.Length,
                    ["annotations"] = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = "bench" },
                },
            },
        };
        await File.WriteAllBytesAsync(Path.Combine(layout, "index.json"), JsonSerializer.SerializeToUtf8Bytes(index), ct);
        return layout;
    }
}
