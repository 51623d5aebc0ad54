using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Execution.Docker;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Execution.ImageBuild;

/// <summary>Makes a plain image reference available locally according to an <see cref="ImagePullPolicy"/>.</summary>
internal sealed class ImagePuller
{
    private readonly DockerClient _client;
    private readonly ILogger _logger;
    private readonly CredentialResolver? _credentials;

    /// <param name="client">The engine that pulls.</param>
    /// <param name="logger">Receives "Pulling image …" (never credentials).</param>
    /// <param name="auth">
    /// Where registry credentials come from (the same sources as for blocks: POLYCRATE_REGISTRY_* variables, Docker's
    /// config.json, credential helpers); null pulls anonymously.
    /// </param>
    public ImagePuller(DockerClient client, ILogger? logger = null, RegistryAuthOptions? auth = null)
    {
        _client = client;
        _logger = logger ?? NullLogger.Instance;
        _credentials = auth is null ? null : new CredentialResolver(auth);
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

        await PullMissingAsync(reference, policy, cancellationToken);
        return true;
    }

    /// <summary>
    /// Makes an image available that the engine has just reported missing (a container create answered 404 "no such
    /// image"), without asking again: pulls it, or fails with <see cref="ContainerErrorCodes.ImageMissing"/> under 'never'.
    /// </summary>
    public async Task PullMissingAsync(string reference, ImagePullPolicy policy, CancellationToken cancellationToken)
    {
        if (policy == ImagePullPolicy.Never)
        {
            throw new ContainerException(
                ContainerErrorCodes.ImageMissing,
                $"The image {reference} is not present in the Docker engine at {_client.Endpoint} and the pull policy is 'never'. "
                + "Pull it with --pull missing (the default) or --pull always, load it with 'docker load', or describe it in the workspace's "
                + "Dockerfile.poly (or --dockerfile FILE) so it is built.");
        }

        var credentials = _credentials is null ? null : await _credentials.ResolveAsync(DockerClient.RegistryOf(reference), cancellationToken);
        _logger.LogInformation("Pulling image {Reference}{Auth}", reference, credentials is null ? string.Empty : $" as {credentials.Username} (credentials from {credentials.Source})");
        try
        {
            await _client.PullImageAsync(reference, credentials, line => _logger.LogDebug("{PullProgress}", line), cancellationToken);
        }
        catch (ContainerException e) when (e.Code is ContainerErrorCodes.EngineError or ContainerErrorCodes.StreamError)
        {
            // The engine answered but could not pull: usually the image name, which a user new to the tool has not chosen.
            throw new ContainerException(e.Code, $"{e.Message.TrimEnd().TrimEnd('.')}. {WhereTheImageComesFrom}", e, e.ExitCode);
        }
    }

    /// <summary>Where an action's image is set, for a pull that failed.</summary>
    internal const string WhereTheImageComesFrom =
        "The toolchain image is config.container.image in workspace.poly (2025 format: config.image.reference and .version), or, "
        + "with neither set, Polycrate's default cargo.ayedo.cloud/library/polycrate; set it to an image this engine has or can pull "
        + "(polycrate-toolchain:bookworm-2 is built by eng/build-toolchain-image.sh), or describe one in Dockerfile.poly.";
}
