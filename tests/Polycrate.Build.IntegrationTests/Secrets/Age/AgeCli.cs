using System.Diagnostics;

namespace Polycrate.Build.IntegrationTests.Secrets.Age;

/// <summary>
/// Runs the real age CLI (Debian package "age", installed by eng/install-prereqs.sh). Missing tools make
/// the tests fail, never skip. Passphrases go through a pseudo-terminal (age reads them only from a TTY),
/// provided by util-linux 'script', and are fed on stdin, never on a command line.
/// </summary>
internal static class AgeCli
{
    public static string Age => Require("/usr/bin/age");

    public static string AgeKeygen => Require("/usr/bin/age-keygen");

    private static string Require(string path) => File.Exists(path)
        ? path
        : throw new InvalidOperationException($"{path} is missing: the age CLI interop tests need it. Run eng/install-prereqs.sh.");

    public static async Task<string> RunAsync(string fileName, IEnumerable<string> args, string? stdin = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', psi.ArgumentList)} exited {process.ExitCode}: {await stderr}");
        }

        return await stdout;
    }

    /// <summary>Runs age under a pseudo-terminal so it can read <paramref name="passphrase"/> (once per prompt).</summary>
    public static Task RunWithPassphraseAsync(string ageArguments, string passphrase, int prompts) =>
        RunAsync(
            Require("/usr/bin/script"),
            ["-q", "-e", "-c", $"{Age} {ageArguments}", "/dev/null"],
            string.Concat(Enumerable.Repeat(passphrase + "\n", prompts)));

    /// <summary>Generates a key with age-keygen; returns (identity file path, recipient).</summary>
    public static async Task<(string KeyFile, string Recipient)> KeygenAsync(string dir, string name)
    {
        var keyFile = Path.Combine(dir, name);
        await RunAsync(AgeKeygen, ["-o", keyFile]);
        var recipient = (await RunAsync(AgeKeygen, ["-y", keyFile])).Trim();
        return (keyFile, recipient);
    }
}
