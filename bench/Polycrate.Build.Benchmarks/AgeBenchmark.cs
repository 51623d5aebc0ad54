using System.Diagnostics;
using Polycrate.Build.Secrets.Age;

namespace Polycrate.Build.Benchmarks;

/// <summary>
/// Encrypts and decrypts a file on disk (default 200 MB, X25519 recipient) with our implementation and
/// with the age CLI in the same run, and prints MB/s and the ratio ours/age (above 1 = we are faster).
/// Args: [sizeMB] [repetitions].
/// </summary>
internal sealed class AgeBenchmark : IBenchmark
{
    private const string AgeCli = "/usr/bin/age";
    private const string AgeKeygen = "/usr/bin/age-keygen";

    public string Name => "age";

    public string Description => "age encrypt/decrypt throughput, ours vs the age CLI ([sizeMB=200] [repetitions=5])";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        var sizeMb = args.Count > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var repetitions = args.Count > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        if (!File.Exists(AgeCli) || !File.Exists(AgeKeygen))
        {
            Console.Error.WriteLine("age CLI not found (/usr/bin/age); run eng/install-prereqs.sh.");
            return 1;
        }

        var dir = Directory.CreateTempSubdirectory("age-bench-").FullName;
        try
        {
            var plain = Path.Combine(dir, "plain.bin");
            await WriteRandomFileAsync(plain, sizeMb * 1_000_000L, ct);
            var keyFile = Path.Combine(dir, "key.txt");
            await RunProcessAsync(AgeKeygen, ["-o", keyFile], ct);
            var identities = await AgeKeyFile.ReadIdentitiesAsync(keyFile, ct);
            IReadOnlyList<IRecipient> recipients = [identities[0].Recipient];
            var recipient = identities[0].Recipient.ToString();
            string Out(string name) => Path.Combine(dir, name);

            // Warm-up (JIT, page cache), not measured.
            await AgeFile.EncryptToFileAsync(plain, Out("warm.age"), recipients, AgeEncryptOptions.Default, ct);
            await AgeFile.DecryptToFileAsync(Out("warm.age"), Out("warm.out"), identities, ct);
            await RunProcessAsync(AgeCli, ["-r", recipient, "-o", Out("cli.age"), plain], ct);

            var results = new Dictionary<string, List<double>>();
            void Record(string key, double seconds) =>
                (results.TryGetValue(key, out var list) ? list : results[key] = []).Add(sizeMb / seconds);

            for (var i = 0; i < repetitions; i++)
            {
                Record("encrypt ours", await TimeAsync(() => AgeFile.EncryptToFileAsync(plain, Out("ours.age"), recipients, AgeEncryptOptions.Default, ct)));
                Record("encrypt age", await TimeAsync(() => RunProcessAsync(AgeCli, ["-r", recipient, "-o", Out("cli.age"), plain], ct)));
                Record("decrypt ours", await TimeAsync(() => AgeFile.DecryptToFileAsync(Out("cli.age"), Out("ours.out"), identities, ct)));
                Record("decrypt age", await TimeAsync(() => RunProcessAsync(AgeCli, ["-d", "-i", keyFile, "-o", Out("cli.out"), Out("ours.age")], ct)));
                File.Delete(Out("ours.out"));
                File.Delete(Out("cli.out"));
            }

            Console.WriteLine($"age benchmark: {sizeMb} MB file, X25519, {repetitions} repetitions, files on disk ({dir})");
            Console.WriteLine($"{"operation",-14} {"median MB/s",12} {"best MB/s",10}");
            foreach (var (key, values) in results)
            {
                Console.WriteLine($"{key,-14} {Median(values),12:F1} {values.Max(),10:F1}");
            }

            foreach (var op in new[] { "encrypt", "decrypt" })
            {
                var ratio = Median(results[$"{op} ours"]) / Median(results[$"{op} age"]);
                Console.WriteLine($"ratio {op} ours/age (median throughput): {ratio:F2}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed.TotalSeconds;
    }

    private static async Task WriteRandomFileAsync(string path, long size, CancellationToken ct)
    {
        var buffer = new byte[1 << 20];
        new Random(42).NextBytes(buffer);
        await using var file = File.Create(path);
        for (long written = 0; written < size; written += buffer.Length)
        {
            await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - written)), ct);
        }
    }

    private static async Task RunProcessAsync(string fileName, IEnumerable<string> args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(fileName) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var stderr = await process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} exited {process.ExitCode}: {stderr}");
        }
    }
}
