using Microsoft.Extensions.Logging;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Registry;

/// <summary>The one way front ends and the runner create a <see cref="RegistryClient"/> for block pushes and pulls.</summary>
public static class RegistryClientFactory
{
    /// <param name="auth">Credential sources; <see cref="RegistryAuthOptions.FromProcess"/> for the real process.</param>
    /// <param name="insecureRegistries">Registries (host or host:port) spoken to over plain HTTP; loopback always is.</param>
    /// <param name="loggers">Receives the client's request log (never credentials).</param>
    public static RegistryClient Create(RegistryAuthOptions auth, IEnumerable<string>? insecureRegistries, ILoggerFactory loggers) =>
        new(new RegistryClientOptions
        {
            Auth = auth,
            InsecureRegistries = (insecureRegistries ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).ToList(),
        }, loggers.CreateLogger<RegistryClient>());
}
