using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// Runs one container to its end: create, start, follow its output, wait for the exit code, remove. When the
/// token fires, the container is stopped (SIGTERM, SIGKILL after the grace period) and removed before the
/// <see cref="OperationCanceledException"/> propagates, so a cancelled run leaves no container behind.
/// </summary>
public sealed class ContainerRunner
{
    /// <summary>Upper bound for each clean-up call, which must not hang on a stuck engine.</summary>
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

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

        // Creation is not cancelled midway: a container the engine created but whose id we never saw would leak.
        string id;
        using (var createTimeout = new CancellationTokenSource(CleanupTimeout))
        {
            id = await _client.CreateContainerAsync(request.Spec, createTimeout.Token);
        }

        _logger.LogDebug("Created container {Id} from {Image}", id, request.Spec.Image);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await _client.StartContainerAsync(id, cancellationToken);
            var exitCode = await FollowUntilExitAsync(id, request.Output, cancellationToken);
            return new ContainerRunResult(id, exitCode);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("Cancelled: stopping container {Id}", id);
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

    private async Task<long> FollowUntilExitAsync(string id, ContainerOutput output, CancellationToken cancellationToken)
    {
        using var logsCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var logs = _client.FollowLogsAsync(id, output, logsCancellation.Token);
        try
        {
            var exitCode = await _client.WaitContainerAsync(id, cancellationToken);
            // The log stream ends by itself once the container stopped; awaiting it delivers the last lines.
            await logs;
            return exitCode;
        }
        catch
        {
            await logsCancellation.CancelAsync();
            try
            {
                await logs;
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
            _logger.LogDebug("Removed container {Id}", id);
        }
        catch (Exception ex) when (ex is ContainerException or OperationCanceledException)
        {
            // Never hide the run's own outcome behind a clean-up failure; say what is left behind.
            _logger.LogWarning("Could not remove container {Id}: {Message}. Remove it with 'docker rm -f {Id}'.", id, ex.Message, id);
        }
    }
}
