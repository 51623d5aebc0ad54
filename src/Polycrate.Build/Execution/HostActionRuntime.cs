using System.Diagnostics;

namespace Polycrate.Build.Execution;

/// <summary>
/// Runs actions on this machine (<c>--runtime host</c>), for CI jobs that already run inside a toolchain image.
/// The process gets the same variables as in a container; cancellation kills its whole process tree.
/// </summary>
internal sealed class HostActionRuntime : IActionRuntime
{
    public async Task<int> RunAsync(ActionLaunch launch, Action<string, bool> onOutputLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(launch.Command[0])
        {
            WorkingDirectory = launch.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in launch.Command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var entry in launch.Environment)
        {
            start.Environment[entry.Name] = entry.Value;
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onOutputLine(e.Data, false);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onOutputLine(e.Data, true);
            }
        };

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ActionException($"cannot start '{launch.Command[0]}' on this machine: {ex.Message}",
                "install it, or run in the toolchain container (drop '--runtime host')");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        // WaitForExitAsync returns once the output streams are drained too.
        return process.ExitCode;
    }
}
