using Polycrate.Build.Cli;

namespace Polycrate.Build.IntegrationTests.Execution.Runs;

/// <summary>The outcome of one in-process <c>polycrate-build</c> invocation.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Runs the CLI in process with the given arguments, exactly as the dotnet tool parses them.</summary>
    public static async Task<CliRun> InvokeAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        // Synchronized: action output and log lines arrive from several threads when steps run in parallel.
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await new CliApplication(TextWriter.Synchronized(stdout), TextWriter.Synchronized(stderr)).RunAsync([.. args], cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    public string Output => Stdout + "\n" + Stderr;

    /// <summary>Everything a failed assertion should show.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
