namespace Polycrate.Build.Cli.Tests;

/// <summary>Runs the CLI in process and captures stdout and stderr separately.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await new CliApplication(stdout, stderr).RunAsync(args, CancellationToken.None);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    public static string Samples => Path.Combine(Testing.RepositoryRoot.Path, "samples");
}
