using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Registry;

/// <summary>Settings of a <see cref="RegistryClient"/>.</summary>
internal sealed record RegistryClientOptions
{
    /// <summary>Where credentials come from; tests inject their own environment and Docker config.</summary>
    public required RegistryAuthOptions Auth { get; init; }

    /// <summary>Registries (host or host:port) spoken to over plain HTTP; loopback hosts always are.</summary>
    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    /// <summary>Chunk size for the chunked-upload fallback.</summary>
    public int UploadChunkSize { get; init; } = 8 * 1024 * 1024;

    /// <summary>How long a request may take until the registry's answer starts (uploads included); POLYCRATE_REGISTRY_TIMEOUT.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a download (blob, manifest, token) may bring no byte before it fails; POLYCRATE_REGISTRY_TIMEOUT.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>What one pulled block may cost (size, files, layers, compression ratio).</summary>
    public PullLimits Limits { get; init; } = PullLimits.Default;

    public string UserAgent { get; init; } = "polycrate-build/0.1";

    /// <summary>Replaces the HTTP stack (unit tests with a fake registry). The client does not dispose it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; init; }
}
