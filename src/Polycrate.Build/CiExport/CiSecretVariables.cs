using Polycrate.Build.Registry.Auth;
using Polycrate.Build.Secrets.WorkspaceSecrets;

namespace Polycrate.Build.CiExport;

/// <summary>A CI variable the pipeline reads from the CI system's secret store, with what it is for.</summary>
internal sealed record CiVariable(string Name, string Purpose);

/// <summary>
/// The CI variables a pipeline expects: the age identity for <c>artifacts/secrets/**/*.age</c> and registry credentials
/// (generic, and per registry host that a <c>from:</c> of the workspaces names). Only names are ever written into a
/// pipeline file, never values.
/// </summary>
internal static class CiSecretVariables
{
    public static IReadOnlyList<CiVariable> For(IEnumerable<CiWorkspace> workspaces)
    {
        var result = new List<CiVariable>
        {
            new(IdentitySource.EnvironmentVariable, "age identity (AGE-SECRET-KEY-…) that decrypts artifacts/secrets/**/*.age"),
            new(RegistryAuthOptions.UsernameVariable, "registry user for pulling blocks (all registries)"),
            new(RegistryAuthOptions.PasswordVariable, "registry password or token for pulling blocks"),
        };
        var hosts = workspaces
            .SelectMany(w => w.Workspace.Blocks.Select(b => b.From).Concat(w.Workspace.MissingBlocks.Select(m => m.Reference)))
            .Select(RegistryHost)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal);
        foreach (var host in hosts)
        {
            result.Add(new(RegistryAuthOptions.HostSpecificVariable(host, "USERNAME"), $"registry user for {host} only"));
            result.Add(new(RegistryAuthOptions.HostSpecificVariable(host, "PASSWORD"), $"registry password or token for {host} only"));
        }

        return result;
    }

    /// <summary>The registry host of a <c>from:</c> reference, or null for a local block name.</summary>
    private static string? RegistryHost(string? reference)
    {
        var slash = reference?.IndexOf('/') ?? -1;
        if (slash <= 0)
        {
            return null;
        }

        var first = reference![..slash];
        return first.Contains('.') || first.Contains(':') || first == "localhost" ? first : null;
    }
}
