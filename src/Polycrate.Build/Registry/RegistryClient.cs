using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Limits;
using Polycrate.Build.Registry.Auth;

namespace Polycrate.Build.Registry;

/// <summary>
/// Client of the OCI distribution API (spec v1.1) for one or more registries: ping, blobs, manifests, tags.
/// Every request goes through <see cref="RegistryAuthenticator"/>; every download is verified against its
/// digest. Failures raise <see cref="RegistryException"/> with the registry's own error codes.
/// </summary>
internal sealed partial class RegistryClient : IDisposable
{
    private const int MaxManifestBytes = 4 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly RegistryTransport _transport;
    private readonly CredentialResolver _credentials;
    private readonly RegistryAuthenticator _auth;
    private readonly RegistryClientOptions _options;
    private readonly ILogger _logger;

    /// <summary>Repository in which a blob was last seen, per registry, to mount instead of upload.</summary>
    private readonly ConcurrentDictionary<string, string> _knownBlobLocations = new(StringComparer.Ordinal);

    public RegistryClient(RegistryClientOptions options, ILogger? logger = null)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _http = options.HttpMessageHandler is null
            ? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            : new HttpClient(options.HttpMessageHandler, disposeHandler: false);
        _http.Timeout = options.RequestTimeout;
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
        _transport = new RegistryTransport(options.InsecureRegistries);
        _credentials = new CredentialResolver(options.Auth);
        _auth = new RegistryAuthenticator(_http, _credentials, _transport, _logger);
    }

    /// <summary>Checks that <paramref name="registry"/> speaks the v2 API and that we may log in to it.</summary>
    public async Task PingAsync(string registry, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse("ping", registry);
        var uri = new Uri(_transport.BaseUri(registry), "v2/");
        using var response = await SendAsync(reference, string.Empty, HttpMethod.Get, uri, null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, reference, cancellationToken);
        }
    }

    /// <summary>All tags of a repository, following <c>Link</c> pagination.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(ImageReference repository, CancellationToken cancellationToken)
    {
        var tags = new List<string>();
        Uri? uri = RepositoryUri(repository, "tags/list?n=1000");
        while (uri is not null)
        {
            using var response = await SendAsync(repository, PullScope(repository), HttpMethod.Get, uri, null, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw await ErrorAsync(response, repository, cancellationToken);
            }

            var page = RegistryJson.Deserialize<TagList>(await ReadLimitedAsync(response, MaxManifestBytes, cancellationToken), "tag list");
            tags.AddRange(page.Tags ?? []);
            uri = NextPage(response, uri);
        }

        return tags;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The environment the client's credentials and limits come from.</summary>
    internal Func<string, string?> GetEnvironmentVariable => _options.Auth.GetEnvironmentVariable;

    /// <summary>What one pull may cost; <see cref="BlockPuller"/> enforces it.</summary>
    internal PullLimits Limits => _options.Limits;

    private static string PullScope(ImageReference repository) => $"repository:{repository.Repository}:pull";

    private static string PushScope(ImageReference repository) => $"repository:{repository.Repository}:pull,push";

    private Uri RepositoryUri(ImageReference repository, string path) =>
        new(_transport.BaseUri(repository.Registry), $"v2/{repository.Repository}/{path}");

    private static Uri? NextPage(HttpResponseMessage response, Uri current)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = links.FirstOrDefault(l => l.Contains("rel=\"next\"", StringComparison.Ordinal));
        var start = link?.IndexOf('<', StringComparison.Ordinal) ?? -1;
        var end = link?.IndexOf('>', StringComparison.Ordinal) ?? -1;
        return start >= 0 && end > start ? new Uri(current, link![(start + 1)..end]) : null;
    }

    /// <summary>Sends one request with authentication; transport failures become <see cref="RegistryException"/>.</summary>
    private async Task<HttpResponseMessage> SendAsync(
        ImageReference repository,
        string scope,
        HttpMethod method,
        Uri uri,
        Action<HttpRequestMessage>? configure,
        CancellationToken cancellationToken)
    {
        try
        {
            return await _auth.SendAsync(repository.Registry, scope, () =>
            {
                var request = new HttpRequestMessage(method, uri);
                configure?.Invoke(request);
                return request;
            }, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            var hint = _transport.SchemeFor(repository.Registry) == Uri.UriSchemeHttps
                ? $"Is the registry {repository.Registry} running and reachable over HTTPS? A plain-HTTP registry must be listed as insecure."
                : $"Is the registry {repository.Registry} running and reachable?";
            throw new RegistryException(method.Method, uri, null, [], $"{hint} ({e.Message})", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException(method.Method, uri, null, [],
                $"The registry {repository.Registry} did not answer within {_options.RequestTimeout.TotalSeconds:0.#} s. Check that it is up and "
                + $"not overloaded; on a slow link raise {LimitVariables.RegistryTimeout} (seconds; requests may take 5 times that).", e);
        }
    }

    /// <summary>Turns a failed response into a <see cref="RegistryException"/> with the registry's errors and a hint.</summary>
    private async Task<RegistryException> ErrorAsync(HttpResponseMessage response, ImageReference reference, CancellationToken cancellationToken)
    {
        var body = await ReadLimitedAsync(response, 64 * 1024, cancellationToken, truncate: true);
        var errors = RegistryErrorParser.Parse(body);
        RegistryCredentials? credentials = null;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            try
            {
                credentials = await _credentials.ResolveAsync(reference.Registry, cancellationToken);
            }
            catch (CredentialException)
            {
                // Only used to word the hint; the resolution problem itself surfaced earlier or will later.
            }
        }

        var request = response.RequestMessage;
        return new RegistryException(
            request?.Method.Method ?? "?",
            request?.RequestUri ?? _transport.BaseUri(reference.Registry),
            response.StatusCode,
            errors,
            RegistryHints.For(response.StatusCode, errors, reference, credentials));
    }

    /// <summary>
    /// One read of a response body. A cut connection ("The response ended prematurely") or a registry that stops
    /// sending becomes a <see cref="RegistryException"/> naming the registry, URL and operation.
    /// </summary>
    private static async Task<int> ReadBodyAsync(Stream body, byte[] buffer, Uri uri, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            var why = e is TimeoutException
                ? $"the registry stopped sending while {operation}: {e.Message}; raise {LimitVariables.RegistryTimeout} (seconds) if the link is that slow"
                : $"the connection to {uri.Authority} broke while {operation}: {e.Message}";
            throw new RegistryException("GET", uri, null, [],
                $"{char.ToUpperInvariant(why[0])}{why[1..]}. Nothing was installed; retry, and if it repeats check the network, proxy and the registry's logs.", e);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(
        HttpResponseMessage response, int limit, CancellationToken cancellationToken, bool truncate = false)
    {
        await using var stream = new IdleTimeoutStream(await response.Content.ReadAsStreamAsync(cancellationToken), _options.IdleTimeout);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        var uri = response.RequestMessage?.RequestUri ?? new Uri("about:blank");
        while ((read = await ReadBodyAsync(stream, chunk, uri, $"reading the answer ({buffer.Length} bytes received)", cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                if (truncate)
                {
                    break;
                }

                var request = response.RequestMessage;
                throw new RegistryException(request?.Method.Method ?? "GET", request?.RequestUri ?? new Uri("about:blank"), response.StatusCode, [],
                    $"The response is larger than {limit} bytes, more than any manifest should be; the reference may not point at an image.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

}
