using Microsoft.Extensions.Logging;
using Polycrate.Build.Limits;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Registry;

/// <summary>The one way front ends and the runner create a <see cref="RegistryClient"/> for block pushes and pulls.</summary>
internal static class RegistryClientFactory
{
    /// <param name="auth">Credential sources; <see cref="RegistryAuthOptions.FromProcess"/> for the real process.</param>
    /// <param name="insecureRegistries">Registries (host or host:port) spoken to over plain HTTP; loopback always is.</param>
    /// <param name="loggers">Receives the client's request log (never credentials).</param>
    /// <remarks>Limits and the timeout come from the POLYCRATE_MAX_* / POLYCRATE_REGISTRY_TIMEOUT variables of <paramref name="auth"/>'s environment.</remarks>
    /// <exception cref="Limits.InvalidLimitException">One of those variables is set to an invalid value.</exception>
    public static RegistryClient Create(RegistryAuthOptions auth, IEnumerable<string>? insecureRegistries, ILoggerFactory loggers)
    {
        var timeout = LimitVariables.Seconds(auth.GetEnvironmentVariable, LimitVariables.RegistryTimeout, TimeSpan.FromSeconds(60));
        return new(new RegistryClientOptions
        {
            Auth = auth,
            InsecureRegistries = (insecureRegistries ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).ToList(),
            Limits = PullLimits.FromVariables(auth.GetEnvironmentVariable),
            IdleTimeout = timeout,
            RequestTimeout = timeout * 5,
        }, loggers.CreateLogger<RegistryClient>());
    }
}
