using System.Diagnostics;
using System.Text;

namespace Polycrate.Build.FrontEndTests;

/// <summary>The result of one `dotnet …` process: exit code and the interleaved stdout/stderr text.</summary>
internal sealed record CommandResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}:\n{Output}";
}

/// <summary>Runs the real `dotnet` CLI (build, pack, tool restore, cake) the way a user or CI job would.</summary>
internal static class DotnetCommand
{
    public static Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null) =>
        RunProcessAsync("dotnet", workingDirectory, arguments, environment, timeout);

    /// <summary>Runs one of the repository's eng/ scripts (start the Docker engine, build the toolchain image).</summary>
    public static Task<CommandResult> RunScriptAsync(string script, params string[] arguments) =>
        RunProcessAsync("bash", RepositoryPaths.Root, [Path.Combine(RepositoryPaths.Root, script), .. arguments], null, TimeSpan.FromMinutes(10));

    /// <summary>Runs another command-line tool (skopeo) the tests check results with.</summary>
    public static Task<CommandResult> RunToolAsync(string fileName, params string[] arguments) =>
        RunProcessAsync(fileName, RepositoryPaths.Root, arguments, null, TimeSpan.FromMinutes(2));

    private static async Task<CommandResult> RunProcessAsync(string fileName, string workingDirectory, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string>? environment, TimeSpan? timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Front-end runs are non-interactive CI-like runs; no leftover build servers between tests.
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var gate = new Lock();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    output.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish in time:\n{output}");
        }

        process.WaitForExit();
        lock (gate)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }
}
