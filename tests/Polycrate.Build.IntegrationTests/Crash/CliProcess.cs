using System.Diagnostics;
using System.Text;

namespace Polycrate.Build.IntegrationTests.Crash;

/// <summary>
/// The built <c>polycrate-build</c> CLI started as a real, separate process (so it can be killed with SIGKILL exactly as
/// an operator or the OOM killer would), with its own environment and captured output.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private CliProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The CLI assembly built beside the tests (the project references the CLI).</summary>
    public static string CliAssembly
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "polycrate-build.dll");
            return File.Exists(path) && File.Exists(Path.Combine(AppContext.BaseDirectory, "polycrate-build.runtimeconfig.json"))
                ? path
                : throw new InvalidOperationException($"{path} (with its runtimeconfig) is missing: build tests/Polycrate.Build.IntegrationTests.");
        }
    }

    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Sends SIGKILL with the kill command (kill -9 PID) and waits until the process is gone.</summary>
    public async Task KillNineAsync()
    {
        using (var kill = Process.Start("kill", ["-9", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        Assert.Equal(137, _process.ExitCode);
    }

    /// <summary>Waits for the process to end and its output to be read; returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>Polls <paramref name="condition"/> every 100 ms until it holds; fails with the CLI's output after <paramref name="limit"/>.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (HasExited || clock.Elapsed > limit)
            {
                Assert.Fail($"{what} did not happen (CLI exited: {HasExited}) within {limit}; CLI output:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
