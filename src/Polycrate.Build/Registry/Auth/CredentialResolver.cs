using System.Collections.Concurrent;

namespace Polycrate.Build.Registry.Auth;

/// <summary>
/// Finds credentials for a registry, first match wins:
/// 1. <c>POLYCRATE_REGISTRY_&lt;HOST&gt;_USERNAME</c>/<c>_PASSWORD</c> (per host);
/// 2. <c>POLYCRATE_REGISTRY_USERNAME</c>/<c>_PASSWORD</c> (all hosts, or only <c>POLYCRATE_REGISTRY_HOST</c> when set);
/// 3. Docker config: <c>credHelpers</c> entry for the host, then <c>auths</c>, then <c>credsStore</c>.
/// Results are cached per registry for the lifetime of this instance.
/// </summary>
internal sealed class CredentialResolver
{
    private readonly RegistryAuthOptions _options;
    private readonly ConcurrentDictionary<string, Lazy<Task<RegistryCredentials?>>> _cache = new(StringComparer.Ordinal);
    private readonly Lazy<DockerConfig> _dockerConfig;

    public CredentialResolver(RegistryAuthOptions options)
    {
        _options = options;
        _dockerConfig = new Lazy<DockerConfig>(() => DockerConfig.Load(Path.Combine(options.ResolveDockerConfigDirectory(), "config.json")));
    }

    public Task<RegistryCredentials?> ResolveAsync(string registry, CancellationToken cancellationToken) =>
        _cache.GetOrAdd(registry, r => new Lazy<Task<RegistryCredentials?>>(() => LookUpAsync(r, cancellationToken))).Value;

    private async Task<RegistryCredentials?> LookUpAsync(string registry, CancellationToken cancellationToken)
    {
        var env = _options.GetEnvironmentVariable;
        var hostUser = env(RegistryAuthOptions.HostSpecificVariable(registry, "USERNAME"));
        var hostPassword = env(RegistryAuthOptions.HostSpecificVariable(registry, "PASSWORD"));
        if (!string.IsNullOrEmpty(hostUser) && hostPassword is not null)
        {
            return new RegistryCredentials(hostUser, hostPassword) { Source = RegistryAuthOptions.HostSpecificVariable(registry, "USERNAME/_PASSWORD") };
        }

        var user = env(RegistryAuthOptions.UsernameVariable);
        var password = env(RegistryAuthOptions.PasswordVariable);
        var onlyHost = env(RegistryAuthOptions.HostVariable);
        if (!string.IsNullOrEmpty(user) && password is not null && (string.IsNullOrEmpty(onlyHost) || DockerConfig.NormalizeKey(onlyHost) == registry))
        {
            return new RegistryCredentials(user, password) { Source = "POLYCRATE_REGISTRY_USERNAME/_PASSWORD" };
        }

        var config = _dockerConfig.Value;
        if (DockerConfig.Candidates(registry).Any(config.CredHelpers.ContainsKey))
        {
            return await CredentialHelper.GetAsync(config.HelperFor(registry)!, registry, env, cancellationToken);
        }

        var stored = config.AuthFor(registry);
        if (stored is not null)
        {
            return stored;
        }

        return string.IsNullOrEmpty(config.CredsStore)
            ? null
            : await CredentialHelper.GetAsync(config.CredsStore, registry, env, cancellationToken);
    }
}
