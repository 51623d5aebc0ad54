using Microsoft.Extensions.Logging;

namespace Polycrate.Build.Execution.Docker;

/// <summary>How an exec ended: its exit code, and whether something it started still held its output open.</summary>
internal sealed record ExecResult(long ExitCode, bool OutputHeldOpen);

/// <summary>
/// Runs one exec in a running container to its end: create, start attached, wait for the process and its output.
/// The engine has no "wait" for execs, so the exec is inspected at growing intervals while its output is open. When
/// the process ended but a process it left behind still holds the output, the result says so
/// (<see cref="ExecResult.OutputHeldOpen"/>): a container of its own would have ended that process with the step, so
/// the caller removes the container, which ends the output too. Cancellation: SIGTERM to the exec's process, then
/// the caller removes the container after the grace period at most.
/// </summary>
internal sealed class ExecRunner(DockerClient client, ILogger logger)
{
    private static readonly TimeSpan CreateTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(1);

    /// <summary>How long the output may stay open after the process ended before it counts as held open.</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Sends SIGTERM to every process in the container whose parent is outside it (PPID 0): the exec's own process —
    /// what <c>docker stop</c> reaches through the init process of a container of its own — not the idle process
    /// (PID 1's child) and not processes started by the exec.
    /// </summary>
    private const string TerminateScript =
        "for d in /proc/[0-9]*; do p=${d#/proc/}; if [ \"$p\" = 1 ] || [ \"$p\" = $$ ]; then continue; fi; "
        + "while read -r k v _; do if [ \"$k\" = PPid: ]; then if [ \"$v\" = 0 ]; then kill -TERM \"$p\" 2>/dev/null; fi; break; fi; done < \"$d/status\" 2>/dev/null; done; true";

    /// <summary>
    /// Runs <paramref name="spec"/>; on cancellation the exec's process gets SIGTERM and the method waits up to the grace
    /// period before rethrowing. <paramref name="onPhase"/> hears when the exec was created, started, its output closed
    /// and its exit code known (timing diagnostics).
    /// </summary>
    public async Task<ExecResult> RunAsync(string containerId, ExecSpec spec, ContainerOutput output, TimeSpan gracePeriod, CancellationToken cancellationToken,
        Action<string>? onPhase = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        string execId;
        using (var timeout = new CancellationTokenSource(CreateTimeout))
        {
            execId = await client.CreateExecAsync(containerId, spec, timeout.Token);
        }

        onPhase?.Invoke("exec created");

        using var outputCancellation = new CancellationTokenSource();
        // Lines after the step's end (from processes it left behind) are not the step's: a container of its own ends them with it.
        var open = true;
        var gated = new ContainerOutput(line => { if (Volatile.Read(ref open)) { output.OnStdoutLine(line); } },
            line => { if (Volatile.Read(ref open)) { output.OnStderrLine(line); } });
        var copy = await client.StartExecAsync(execId, gated, outputCancellation.Token);
        onPhase?.Invoke("exec started");
        try
        {
            return await WaitAsync(execId, copy, onPhase, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Canceled: stopping the step's process in container {Id}", containerId);
            await TerminateAsync(containerId, execId, gracePeriod);
            throw;
        }
        finally
        {
            if (!copy.IsCompleted)
            {
                // Held open or cancelled: the caller removes the container; stop reading now.
                Volatile.Write(ref open, false);
                await outputCancellation.CancelAsync();
                try
                {
                    await copy;
                }
                catch (Exception ex) when (ex is OperationCanceledException or ContainerException or IOException or HttpRequestException)
                {
                    // Expected: the read was cancelled.
                }
            }
        }
    }

    private async Task<ExecResult> WaitAsync(string execId, Task copy, Action<string>? onPhase, CancellationToken cancellationToken)
    {
        var poll = FirstPoll;
        while (true)
        {
            var delay = Task.Delay(poll, cancellationToken);
            if (await Task.WhenAny(copy, delay) == copy)
            {
                await copy;
                onPhase?.Invoke("output closed");
                var exitCode = await ExitCodeAsync(execId, cancellationToken);
                onPhase?.Invoke("exit code");
                return new ExecResult(exitCode, OutputHeldOpen: false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            var state = await client.InspectExecAsync(execId, cancellationToken);
            if (!state.Running)
            {
                var held = await Task.WhenAny(copy, Task.Delay(DrainGrace, cancellationToken)) != copy;
                if (!held)
                {
                    await copy;
                }

                return new ExecResult(state.ExitCode ?? await ExitCodeAsync(execId, cancellationToken), held);
            }

            poll = poll * 2 > LongestPoll ? LongestPoll : poll * 2;
        }
    }

    /// <summary>The exit code once the engine noticed the end (it may lag the end of the output by a moment).</summary>
    private async Task<long> ExitCodeAsync(string execId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = await client.InspectExecAsync(execId, cancellationToken);
            if (!state.Running && state.ExitCode is { } code)
            {
                return code;
            }

            if (attempt >= 500)
            {
                throw new ContainerException(ContainerErrorCodes.UnexpectedResponse,
                    $"The Docker engine at {client.Endpoint} closed the output of exec {execId} but reports no exit code.");
            }

            await Task.Delay(10, cancellationToken);
        }
    }

    private async Task TerminateAsync(string containerId, string execId, TimeSpan gracePeriod)
    {
        using var timeout = new CancellationTokenSource(CreateTimeout + gracePeriod);
        try
        {
            var kill = await client.CreateExecAsync(containerId, new ExecSpec { Command = ["sh", "-c", TerminateScript], User = "0" }, timeout.Token);
            var done = await client.StartExecAsync(kill, ContainerOutput.Ignore, timeout.Token);
            await done.WaitAsync(timeout.Token);
            var deadline = DateTime.UtcNow + gracePeriod;
            while (DateTime.UtcNow < deadline && (await client.InspectExecAsync(execId, timeout.Token)).Running)
            {
                await Task.Delay(50, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is ContainerException or OperationCanceledException or IOException or HttpRequestException)
        {
            // The container is removed next whatever happened here.
            logger.LogDebug("Could not stop the step's process gracefully: {Message}", ex.Message);
        }
    }
}
