namespace Polycrate.Build.Registry.Auth;

/// <summary>
/// Where registry credentials come from. Injected (never read from static state) so tests control the
/// environment and the Docker config directory.
/// </summary>
/// <param name="GetEnvironmentVariable">Reads an environment variable; <c>PATH</c> is also used to find credential helpers.</param>
/// <param name="DockerConfigDirectory">Directory holding <c>config.json</c>; null means <c>$DOCKER_CONFIG</c>, else <c>~/.docker</c>.</param>
internal sealed record RegistryAuthOptions(Func<string, string?> GetEnvironmentVariable, string? DockerConfigDirectory = null)
{
    /// <summary>Generic CI variables; they apply to every registry unless <see cref="HostVariable"/> names one host.</summary>
    public const string UsernameVariable = "POLYCRATE_REGISTRY_USERNAME";
    public const string PasswordVariable = "POLYCRATE_REGISTRY_PASSWORD";
    public const string HostVariable = "POLYCRATE_REGISTRY_HOST";

    /// <summary>Credentials read from the real process environment and the user's Docker config.</summary>
    public static RegistryAuthOptions FromProcess() => new(Environment.GetEnvironmentVariable);

    /// <summary>Credentials only from the given variables (tests and sandboxed callers).</summary>
    public static RegistryAuthOptions FromVariables(IReadOnlyDictionary<string, string> variables, string? dockerConfigDirectory) =>
        new(name => variables.TryGetValue(name, out var value) ? value : null, dockerConfigDirectory);

    /// <summary>Per-host variable name: <c>POLYCRATE_REGISTRY_&lt;HOST&gt;_USERNAME</c>, host upper-cased, non-alphanumerics as '_'.</summary>
    public static string HostSpecificVariable(string registry, string suffix) =>
        "POLYCRATE_REGISTRY_" + new string(registry.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray()) + "_" + suffix;

    internal string ResolveDockerConfigDirectory()
    {
        if (!string.IsNullOrEmpty(DockerConfigDirectory))
        {
            return DockerConfigDirectory;
        }

        var fromEnvironment = GetEnvironmentVariable("DOCKER_CONFIG");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var home = GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".docker");
    }
}
