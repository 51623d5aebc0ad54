using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// Reads the active docker context the way the docker CLI stores it: its name from <c>DOCKER_CONTEXT</c> or
/// <c>currentContext</c> in <c>config.json</c>; its endpoint from
/// <c>contexts/meta/&lt;sha256 of the name&gt;/meta.json</c> → <c>Endpoints.docker.Host</c> in the same config directory.
/// </summary>
internal static class DockerContextResolver
{
    /// <summary>The context's endpoint and a description of where it came from; null for no context or "default".</summary>
    /// <exception cref="ContainerException">The named context does not exist or its metadata cannot be read (PCB3013).</exception>
    public static (DockerEndpoint Endpoint, string Source)? Resolve(Func<string, string?> getVariable)
    {
        var configDirectory = ConfigDirectory(getVariable);
        var name = getVariable("DOCKER_CONTEXT");
        var from = "DOCKER_CONTEXT";
        if (string.IsNullOrWhiteSpace(name))
        {
            name = CurrentContext(Path.Combine(configDirectory, "config.json"));
            from = Path.Combine(configDirectory, "config.json");
        }

        if (string.IsNullOrWhiteSpace(name) || name == "default")
        {
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        var meta = Path.Combine(configDirectory, "contexts", "meta", hash, "meta.json");
        var source = $"docker context '{name}' from {from}";
        if (!File.Exists(meta))
        {
            throw Invalid($"The {source} does not exist: there is no {meta}.",
                "List the contexts with 'docker context ls' and select one with 'docker context use NAME' (or unset DOCKER_CONTEXT), or set DOCKER_HOST.");
        }

        string? host;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(meta));
            host = document.RootElement.TryGetProperty("Endpoints", out var endpoints)
                && endpoints.TryGetProperty("docker", out var docker)
                && docker.TryGetProperty("Host", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            throw Invalid($"The {source} cannot be read from {meta}: {ex.Message}.", "Recreate the context with 'docker context create', or set DOCKER_HOST.");
        }

        if (string.IsNullOrWhiteSpace(host))
        {
            throw Invalid($"The {source} names no Docker endpoint (Endpoints.docker.Host in {meta}).", "Recreate the context with 'docker context create NAME --docker host=…', or set DOCKER_HOST.");
        }

        return (DockerEndpoint.Parse(host), source);
    }

    private static string ConfigDirectory(Func<string, string?> getVariable)
    {
        var configured = getVariable("DOCKER_CONFIG");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var home = getVariable("HOME");
        return Path.Combine(string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home, ".docker");
    }

    private static string? CurrentContext(string configFile)
    {
        if (!File.Exists(configFile))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(configFile));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("currentContext", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // An unreadable config.json is reported where credentials are read; for the engine the default applies.
            return null;
        }
    }

    private static ContainerException Invalid(string what, string fix) =>
        new(ContainerErrorCodes.InvalidContext, $"{what} {fix}", exitCode: 2);
}
