using Microsoft.Extensions.Logging;

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// A container create that Ctrl-C/SIGTERM can interrupt, so a cancelled run never waits on an engine that does not
/// answer. The engine may still create a container whose id we never saw: every create carries a label of its own
/// (<see cref="Label"/>, a GUID per call), and a cancelled create removes what carries it, briefly bounded; otherwise
/// the next command's orphan reaper removes it by its owner labels.
/// </summary>
internal static class ContainerCreation
{
    /// <summary>The label that tells the container of one create call.</summary>
    public const string Label = "polycrate.create";

    /// <summary>Upper bound of the create itself.</summary>
    private static readonly TimeSpan CreateTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a cancelled create looks for the container it may have made: short, the user asked to stop.</summary>
    private static readonly TimeSpan CancelledCleanupTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Creates the container from <paramref name="spec"/>; returns its id.</summary>
    /// <exception cref="OperationCanceledException">When cancelled; a container the engine made anyway is removed first (best effort).</exception>
    public static async Task<string> CreateAsync(DockerClient client, ContainerSpec spec, ILogger logger, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        var labels = new Dictionary<string, string>(spec.Labels) { [Label] = token };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CreateTimeout);
        try
        {
            return await client.CreateContainerAsync(spec with { Labels = labels }, timeout.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await RemoveCreatedAsync(client, token, logger);
            throw;
        }
    }

    /// <summary>
    /// The create as the image check (no inspect before it): when the engine answers 404 "no such image",
    /// <paramref name="image"/> makes the image available (a pull, cancellable, or the 'never' refusal) and the create is
    /// tried once more; a create that succeeds is recorded there. Without <paramref name="image"/> the 404 is the caller's.
    /// </summary>
    public static async Task<string> CreateProvidingAsync(DockerClient client, ContainerSpec spec, ImageAtCreate? image,
        ILogger logger, CancellationToken cancellationToken)
    {
        string id;
        try
        {
            id = await CreateAsync(client, spec, logger, cancellationToken);
        }
        catch (DockerApiException ex) when (image is not null && IsNoSuchImage(ex))
        {
            // No container exists yet that could be left behind.
            logger.LogDebug("Phase create: the engine has no image {Image}; making it available", spec.Image);
            await image.ProvideAsync(spec.Image, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            id = await CreateAsync(client, spec, logger, cancellationToken);
        }

        image?.ContainerCreated();
        return id;
    }

    /// <summary>The engine's answer to a create from an image it does not have (404 "No such image: …").</summary>
    public static bool IsNoSuchImage(DockerApiException ex) =>
        ex.StatusCode == 404 && ex.EngineMessage.Contains("no such image", StringComparison.OrdinalIgnoreCase);

    private static async Task RemoveCreatedAsync(DockerClient client, string token, ILogger logger)
    {
        using var timeout = new CancellationTokenSource(CancelledCleanupTimeout);
        try
        {
            foreach (var container in await client.ListContainersAsync(new Dictionary<string, string> { [Label] = token }, timeout.Token))
            {
                await client.RemoveContainerAsync(container.Id, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is ContainerException or OperationCanceledException or IOException or HttpRequestException)
        {
            logger.LogWarning("A cancelled container create may have left a container (label {Label}={Token}); the next polycrate-build command removes it: {Message}",
                Label, token, ex.Message);
        }
    }
}
