using System.Diagnostics;

namespace Polycrate.Build.Git;

/// <summary>The outcome of one git invocation.</summary>
internal sealed record GitResult(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>stderr, else stdout, trimmed: what git had to say.</summary>
    public string Message => (Stderr.Trim().Length > 0 ? Stderr : Stdout).Trim();
}

/// <summary>
/// Runs the host's <c>git</c> with an argument list (never through a shell), in one directory, without prompts
/// (<c>GIT_TERMINAL_PROMPT=0</c>) and with C locale messages, so answers can be read reliably.
/// </summary>
internal sealed class GitCli(string workingDirectory)
{
    public string WorkingDirectory { get; } = workingDirectory;

    /// <exception cref="GitException">git is not installed (PCB7100).</exception>
    public async Task<GitResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["LC_ALL"] = "C";
        start.Environment["GIT_LITERAL_PATHSPECS"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new GitException("could not start git", GitException.GitMissingCode);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new GitException($"git is not installed or not on PATH ({ex.Message})", GitException.GitMissingCode, "install git (apt-get install git)");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new GitResult(process.ExitCode, await stdout, await stderr);
        }
    }

    public Task<GitResult> RunAsync(CancellationToken cancellationToken, params string[] arguments) => RunAsync(arguments, cancellationToken);

    /// <summary>The repository's top directory, or null when <see cref="WorkingDirectory"/> is not inside a work tree.</summary>
    public async Task<string?> TopLevelAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(cancellationToken, "rev-parse", "--show-toplevel");
        return result.Succeeded ? Path.GetFullPath(result.Stdout.Trim()) : null;
    }
}
