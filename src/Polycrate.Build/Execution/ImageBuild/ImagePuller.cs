using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Execution.Docker;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>Makes a plain image reference available locally according to an <see cref="ImagePullPolicy"/>.</summary>
public sealed class ImagePuller
{
    private readonly DockerClient _client;
    private readonly ILogger _logger;

    public ImagePuller(DockerClient client, ILogger? logger = null)
    {
        _client = client;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Parses <c>missing</c>, <c>always</c> or <c>never</c> (any case).</summary>
    public static ImagePullPolicy ParsePolicy(string value) => value.Trim().ToLowerInvariant() switch
    {
        "missing" => ImagePullPolicy.Missing,
        "always" => ImagePullPolicy.Always,
        "never" => ImagePullPolicy.Never,
        _ => throw new ContainerException(
            ContainerErrorCodes.InvalidImageReference,
            $"'{value}' is not a pull policy; use missing, always or never.",
            exitCode: 2),
    };

    /// <summary>Ensures the image is present; returns true when it was pulled.</summary>
    public async Task<bool> EnsureImageAsync(string reference, ImagePullPolicy policy, CancellationToken cancellationToken)
    {
        if (policy != ImagePullPolicy.Always && await _client.InspectImageAsync(reference, cancellationToken) is not null)
        {
            return false;
        }

        if (policy == ImagePullPolicy.Never)
        {
            throw new ContainerException(
                ContainerErrorCodes.ImageMissing,
                $"The image {reference} is not present in the Docker engine at {_client.Endpoint} and the pull policy is 'never'. "
                + "Load or build it first (e.g. eng/build-toolchain-image.sh for the toolchain image), or use pull policy 'missing'.");
        }

        _logger.LogInformation("Pulling image {Reference}", reference);
        await _client.PullImageAsync(reference, line => _logger.LogDebug("{PullProgress}", line), cancellationToken);
        return true;
    }
}
