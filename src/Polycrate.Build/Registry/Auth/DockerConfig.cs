using System.Text;
using System.Text.Json;

namespace Polycrate.Build.Registry.Auth;

/// <summary>
/// The parts of Docker's <c>config.json</c> that carry registry credentials: <c>auths</c> (base64 <c>auth</c>
/// or <c>username</c>/<c>password</c>), <c>credsStore</c> and <c>credHelpers</c>.
/// </summary>
internal sealed record DockerConfig(
    IReadOnlyDictionary<string, RegistryCredentials> Auths,
    string? CredsStore,
    IReadOnlyDictionary<string, string> CredHelpers)
{
    public static readonly DockerConfig Empty = new(
        new Dictionary<string, RegistryCredentials>(), null, new Dictionary<string, string>());

    /// <summary>Reads <paramref name="path"/>; a missing file is an empty config.</summary>
    public static DockerConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            return Parse(document.RootElement, path);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            // The exception text may quote file content, which can hold secrets: report only its kind.
            throw new CredentialException($"Docker config {path} is not valid ({e.GetType().Name}). Fix or remove it, or set DOCKER_CONFIG to another directory.");
        }
    }

    /// <summary>Helper name for <paramref name="registry"/>: its <c>credHelpers</c> entry, else <c>credsStore</c>.</summary>
    public string? HelperFor(string registry) =>
        Candidates(registry).Select(key => CredHelpers.TryGetValue(key, out var helper) ? helper : null).FirstOrDefault(h => h is not null)
            ?? (string.IsNullOrEmpty(CredsStore) ? null : CredsStore);

    public RegistryCredentials? AuthFor(string registry) =>
        Candidates(registry).Select(key => Auths.TryGetValue(key, out var credentials) ? credentials : null).FirstOrDefault(c => c is not null);

    /// <summary>Keys Docker uses for a registry; Docker Hub is stored under its historical v1 URL.</summary>
    internal static IEnumerable<string> Candidates(string registry) =>
        registry == ImageReference.DockerHub ? [registry, "index.docker.io", "registry-1.docker.io"] : [registry];

    /// <summary>Config keys may be URLs (<c>https://host/v1/</c>); compare by host[:port] only.</summary>
    internal static string NormalizeKey(string key)
    {
        var host = key;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        host = scheme >= 0 ? host[(scheme + 3)..] : host;
        var slash = host.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? host[..slash] : host;
    }

    private static DockerConfig Parse(JsonElement root, string path)
    {
        var auths = new Dictionary<string, RegistryCredentials>(StringComparer.Ordinal);
        if (root.TryGetProperty("auths", out var authsElement) && authsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in authsElement.EnumerateObject())
            {
                var credentials = ParseAuthEntry(entry.Value, $"{path} (auths.{entry.Name})");
                if (credentials is not null)
                {
                    auths[NormalizeKey(entry.Name)] = credentials;
                }
            }
        }

        var helpers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("credHelpers", out var helpersElement) && helpersElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in helpersElement.EnumerateObject())
            {
                helpers[NormalizeKey(entry.Name)] = entry.Value.GetString() ?? string.Empty;
            }
        }

        var store = root.TryGetProperty("credsStore", out var storeElement) ? storeElement.GetString() : null;
        return new DockerConfig(auths, store, helpers);
    }

    private static RegistryCredentials? ParseAuthEntry(JsonElement entry, string source)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var username = entry.TryGetProperty("username", out var u) ? u.GetString() : null;
        var password = entry.TryGetProperty("password", out var p) ? p.GetString() : null;
        if (!string.IsNullOrEmpty(username) && password is not null)
        {
            return new RegistryCredentials(username, password) { Source = source };
        }

        var auth = entry.TryGetProperty("auth", out var a) ? a.GetString() : null;
        if (string.IsNullOrEmpty(auth))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth));
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new CredentialException($"The 'auth' value in {source} is not base64 of 'user:password'. Run docker login again.");
        }

        return new RegistryCredentials(decoded[..colon], decoded[(colon + 1)..]) { Source = source };
    }
}
