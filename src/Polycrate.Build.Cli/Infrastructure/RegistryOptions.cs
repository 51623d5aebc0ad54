using System.CommandLine;
using Microsoft.Extensions.Logging;
using Polycrate.Build.Registry;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>Options of the commands that talk to a registry (blocks push/pull, runs that install blocks).</summary>
internal static class RegistryOptions
{
    public static Option<string[]> InsecureRegistry() => new("--insecure-registry")
    {
        Description = "Speak plain HTTP to this registry (HOST[:PORT]); repeatable. Loopback registries (127.0.0.1, localhost) always use HTTP.",
        HelpName = "HOST",
    };

    /// <param name="purpose">What the registry is for, e.g. "for a REF without host".</param>
    /// <param name="pulls">Pulls fall back to the workspace's registry.url and Polycrate's default; pushes have no built-in default.</param>
    public static Option<string?> Registry(string purpose, bool pulls = false) => new("--registry")
    {
        Description = pulls
            ? $"Registry HOST[:PORT][/PREFIX] {purpose}. Default: ${DefaultRegistry.Variable}, else workspace.poly registry.url, else {DefaultRegistry.Polycrate}."
            : $"Registry HOST[:PORT][/PREFIX] {purpose}. Default: ${DefaultRegistry.Variable}. There is no built-in default.",
        HelpName = "REGISTRY",
    };

    /// <summary>A client with credentials from the Docker config and the POLYCRATE_REGISTRY_* variables of this process.</summary>
    public static RegistryClient Client(ParseResult parse, Option<string[]> insecure, ILoggerFactory loggers) =>
        RegistryClientFactory.Create(RegistryAuthOptions.FromProcess(), parse.GetValue(insecure), loggers);
}
