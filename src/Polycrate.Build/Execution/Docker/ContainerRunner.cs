using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// Runs one container to its end: create, attach to its output, start, wait for the exit code and the output's last
/// byte, remove. When the
/// token fires, the container is stopped (SIGTERM, SIGKILL after the grace period) and removed before the
/// <see cref="OperationCanceledException"/> propagates, so a cancelled run leaves no container behind.
/// </summary>
internal sealed class ContainerRunner
{
    /// <summary>Upper bound for each clean-up call, which must not hang on a stuck engine.</summary>
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long the output may keep flowing after the container exited (the engine drains its pipes).</summary>
    private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(30);

    private readonly DockerClient _client;
    private readonly ILogger _logger;

    public ContainerRunner(DockerClient client, ILogger? logger = null)
    {
        _client = client;
        _logger = logger ?? NullLogger.Instance;
    }

    public async Task<ContainerRunResult> RunAsync(ContainerRunRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // No inspect before the create: the create is the check (a 404 pulls, or refuses under 'never').
        var id = await ContainerCreation.CreateProvidingAsync(_client, request.Spec, request.ProvideMissingImage, _logger, cancellationToken);

        _logger.LogDebug("Phase create done: container {Id} from {Image}", id, request.Spec.Image);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exitCode = await StartAndWaitAsync(id, request.Output, cancellationToken);
            return new ContainerRunResult(id, exitCode);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("Canceled: stopping container {Id}", id);
            await StopAsync(id, request.StopGracePeriod);
            throw;
        }
        finally
        {
            if (request.Remove)
            {
                await RemoveAsync(id);
            }
        }
    }

    /// <summary>Attaches before the start, so not a byte of output is missed, then waits for exit and end of output.</summary>
    private async Task<long> StartAndWaitAsync(string id, ContainerOutput output, CancellationToken cancellationToken)
    {
        using var outputCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var copy = await _client.AttachOutputAsync(id, output, outputCancellation.Token);
        _logger.LogDebug("Phase attach done: container {Id}", id);
        try
        {
            await _client.StartContainerAsync(id, cancellationToken);
            _logger.LogDebug("Phase start done: container {Id}", id);
            var exitCode = await _client.WaitContainerAsync(id, cancellationToken);
            _logger.LogDebug("Phase wait done: container {Id} exited with code {ExitCode}", id, exitCode);

            // The engine closes the attach stream once the container's output is drained; bounded, so an engine that
            // never closes it cannot hang the run after the action has ended.
            try
            {
                await copy.WaitAsync(OutputDrainTimeout, cancellationToken);
                _logger.LogDebug("Phase output done: container {Id}", id);
            }
            catch (TimeoutException)
            {
                _logger.LogWarning("The Docker engine did not close the output stream of container {Id} within {Timeout}; output after that point is not shown.", id, OutputDrainTimeout);
                await outputCancellation.CancelAsync();
            }

            return exitCode;
        }
        catch
        {
            await outputCancellation.CancelAsync();
            try
            {
                await copy;
            }
            catch (Exception ex) when (ex is OperationCanceledException or ContainerException or IOException or HttpRequestException)
            {
                // The failure that matters is the one being rethrown below.
            }

            throw;
        }
    }

    private async Task StopAsync(string id, TimeSpan gracePeriod)
    {
        using var timeout = new CancellationTokenSource(CleanupTimeout + gracePeriod);
        try
        {
            await _client.KillContainerAsync(id, "SIGTERM", timeout.Token);
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            grace.CancelAfter(gracePeriod);
            await _client.WaitContainerAsync(id, grace.Token);
        }
        catch (OperationCanceledException)
        {
            await KillQuietlyAsync(id, timeout.Token);
        }
        catch (DockerApiException ex) when (ex.StatusCode is 404 or 409)
        {
            // Not running any more (409) or already gone (404): nothing to stop.
        }
    }

    private async Task KillQuietlyAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await _client.KillContainerAsync(id, "SIGKILL", cancellationToken);
        }
        catch (Exception ex) when (ex is ContainerException or OperationCanceledException)
        {
            _logger.LogWarning("Could not kill container {Id}: {Message}", id, ex.Message);
        }
    }

    private async Task RemoveAsync(string id)
    {
        using var timeout = new CancellationTokenSource(CleanupTimeout);
        try
        {
            await _client.RemoveContainerAsync(id, timeout.Token);
            _logger.LogDebug("Phase remove done: container {Id}", id);
        }
        catch (Exception ex) when (ex is ContainerException or OperationCanceledException)
        {
            // Never hide the run's own outcome behind a clean-up failure; say what is left behind.
            _logger.LogWarning("Could not remove container {Id}: {Message}. Remove it with 'docker rm -f {Id}'.", id, ex.Message, id);
        }
    }
}
