using System.CommandLine;
using Polycrate.Build.Engine;

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
            ? $"Registry HOST[:PORT][/PREFIX] {purpose}. Default: ${PolycrateNames.RegistryVariable}, else workspace.poly registry.url, else {PolycrateNames.PolycrateRegistry}."
            : $"Registry HOST[:PORT][/PREFIX] {purpose}. Default: ${PolycrateNames.RegistryVariable}. There is no built-in default.",
        HelpName = "REGISTRY",
    };
}
