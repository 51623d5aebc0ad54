using System.CommandLine;
using Polycrate.Build.Registry.Workspace;

namespace Polycrate.Build.Cli.Infrastructure;

/// <summary>Options of the commands that talk to a registry (blocks push/pull, runs that install blocks).</summary>
internal static class RegistryOptions
{
    public static Option<string[]> InsecureRegistry() => new("--insecure-registry")
    {
        Description = "Speak plain HTTP to this registry (HOST[:PORT]); repeatable. Loopback registries (127.0.0.1, localhost) always use HTTP.",
        HelpName = "HOST",
    };

    public static Option<string?> Registry(string purpose) => new("--registry")
    {
        Description = $"Registry HOST[:PORT][/PREFIX] {purpose}. Default: ${DefaultRegistry.Variable}. There is no built-in default.",
        HelpName = "REGISTRY",
    };
}
