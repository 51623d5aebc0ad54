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
            await Measure.WriteRandomFileAsync(plain, sizeMb * 1_000_000L, ct);
            var keyFile = Path.Combine(dir, "key.txt");
            await Measure.RunProcessAsync(AgeKeygen, ["-o", keyFile], ct);
            var identities = await AgeKeyFile.ReadIdentitiesAsync(keyFile, ct);
            IReadOnlyList<IRecipient> recipients = [identities[0].Recipient];
            var recipient = identities[0].Recipient.ToString();
            string Out(string name) => Path.Combine(dir, name);

            // Warm-up (JIT, page cache), not measured.
            await AgeFile.EncryptToFileAsync(plain, Out("warm.age"), recipients, AgeEncryptOptions.Default, ct);
            await AgeFile.DecryptToFileAsync(Out("warm.age"), Out("warm.out"), identities, ct);
            await Measure.RunProcessAsync(AgeCli, ["-r", recipient, "-o", Out("cli.age"), plain], ct);

            var results = new Dictionary<string, List<double>>();
            void Record(string key, double seconds) =>
                (results.TryGetValue(key, out var list) ? list : results[key] = []).Add(sizeMb / seconds);

            for (var i = 0; i < repetitions; i++)
            {
                Record("encrypt ours", await Measure.TimeAsync(() => AgeFile.EncryptToFileAsync(plain, Out("ours.age"), recipients, AgeEncryptOptions.Default, ct)));
                Record("encrypt age", await Measure.TimeAsync(() => Measure.RunProcessAsync(AgeCli, ["-r", recipient, "-o", Out("cli.age"), plain], ct)));
                Record("decrypt ours", await Measure.TimeAsync(() => AgeFile.DecryptToFileAsync(Out("cli.age"), Out("ours.out"), identities, ct)));
                Record("decrypt age", await Measure.TimeAsync(() => Measure.RunProcessAsync(AgeCli, ["-d", "-i", keyFile, "-o", Out("cli.out"), Out("ours.age")], ct)));
                File.Delete(Out("ours.out"));
                File.Delete(Out("cli.out"));
            }

            Console.WriteLine($"age benchmark: {sizeMb} MB file, X25519, {repetitions} repetitions, files on disk ({dir})");
            Console.WriteLine($"{"operation",-14} {"median MB/s",12} {"best MB/s",10}");
            foreach (var (key, values) in results)
            {
                Console.WriteLine($"{key,-14} {Measure.Median(values),12:F1} {values.Max(),10:F1}");
            }

            foreach (var op in new[] { "encrypt", "decrypt" })
            {
                var ratio = Measure.Median(results[$"{op} ours"]) / Measure.Median(results[$"{op} age"]);
                Console.WriteLine($"ratio {op} ours/age (median throughput): {ratio:F2}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
