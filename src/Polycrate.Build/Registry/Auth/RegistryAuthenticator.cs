using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Polycrate.Build.Registry.Auth;

/// <summary>
/// Sends registry requests and answers authentication challenges: anonymous first, then Basic or a Bearer
/// token fetched from the challenge's realm (Docker token protocol). Tokens are reused per registry and scope;
/// a 401 with a cached token fetches a fresh one once. Credentials only travel over HTTPS or to loopback /
/// explicitly insecure hosts.
/// </summary>
internal sealed class RegistryAuthenticator
{
    private readonly HttpClient _http;
    private readonly CredentialResolver _credentials;
    private readonly RegistryTransport _transport;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, AuthenticationHeaderValue> _headers = new(StringComparer.Ordinal);

    public RegistryAuthenticator(HttpClient http, CredentialResolver credentials, RegistryTransport transport, ILogger logger)
    {
        _http = http;
        _credentials = credentials;
        _transport = transport;
        _logger = logger;
    }

    /// <summary>
    /// Sends the request built by <paramref name="create"/> (called again for a retry, so request content must be
    /// re-creatable). <paramref name="scope"/> is the space-separated token scope the operation needs.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        string registry, string scope, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var cached = CachedHeader(registry, scope);
        var response = await SendOnceAsync(create, cached, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        var challenge = response.Headers.WwwAuthenticate
            .Select(h => AuthChallenge.Parse(h.ToString()))
            .FirstOrDefault(c => c is not null && (c.IsBearer || c.IsBasic));
        if (challenge is null)
        {
            return response;
        }

        var header = challenge.IsBasic
            ? await BasicHeaderAsync(registry, cancellationToken)
            : await FetchTokenAsync(registry, challenge, string.IsNullOrEmpty(scope) ? challenge.Scope : scope, cancellationToken);
        if (header is null)
        {
            return response;
        }

        response.Dispose();
        _headers[challenge.IsBasic ? registry : registry + " " + scope] = header;
        var retried = await SendOnceAsync(create, header, cancellationToken);
        if (challenge.IsBearer && retried.StatusCode == HttpStatusCode.Unauthorized
            && await _credentials.ResolveAsync(registry, cancellationToken) is { } credentials)
        {
            // The token server accepted the credentials and issued a token, and the registry refused that token: the
            // user name and password are not the problem, so do not send the user to check them.
            _headers.TryRemove(registry + " " + scope, out _);
            using (retried)
            {
                var body = await retried.Content.ReadAsByteArrayAsync(cancellationToken);
                throw new RegistryException(retried.RequestMessage?.Method.Method ?? "GET", retried.RequestMessage?.RequestUri ?? _transport.BaseUri(registry),
                    retried.StatusCode, RegistryErrorParser.Parse(body), RegistryHints.TokenRefused(registry, challenge.Realm, credentials));
            }
        }

        return retried;
    }

    private AuthenticationHeaderValue? CachedHeader(string registry, string scope) =>
        _headers.TryGetValue(registry, out var basic) ? basic
            : _headers.TryGetValue(registry + " " + scope, out var bearer) ? bearer : null;

    private async Task<HttpResponseMessage> SendOnceAsync(
        Func<HttpRequestMessage> create, AuthenticationHeaderValue? header, CancellationToken cancellationToken)
    {
        using var request = create();
        request.Headers.Authorization = header;
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<AuthenticationHeaderValue?> BasicHeaderAsync(string registry, CancellationToken cancellationToken)
    {
        // The transport only uses plain HTTP for loopback or explicitly insecure registries.
        var credentials = await _credentials.ResolveAsync(registry, cancellationToken);
        return credentials is null ? null : BasicHeader(credentials);
    }

    private static AuthenticationHeaderValue BasicHeader(RegistryCredentials credentials) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.Username + ":" + credentials.Password)));

    private async Task<AuthenticationHeaderValue> FetchTokenAsync(
        string registry, AuthChallenge challenge, string? scope, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(challenge.Realm, UriKind.Absolute, out var realm))
        {
            throw new RegistryException("GET", new Uri(_transport.BaseUri(registry), "/v2/"), HttpStatusCode.Unauthorized, [],
                $"The registry's Bearer challenge has no usable realm ('{challenge.Realm}'); the registry is misconfigured.");
        }

        var query = new List<string>();
        if (!string.IsNullOrEmpty(challenge.Service))
        {
            query.Add("service=" + Uri.EscapeDataString(challenge.Service));
        }

        foreach (var part in (scope ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query.Add("scope=" + Uri.EscapeDataString(part));
        }

        var tokenUri = new UriBuilder(realm) { Query = string.Join('&', query) }.Uri;
        var credentials = await _credentials.ResolveAsync(registry, cancellationToken);
        var sendCredentials = credentials is not null
            && (tokenUri.Scheme == Uri.UriSchemeHttps || _transport.AllowsPlainHttp(tokenUri.Authority));
        if (credentials is not null && !sendCredentials)
        {
            _logger.LogWarning("Not sending credentials for {Registry} to token realm {Realm} over plain HTTP", registry, realm);
        }

        _logger.LogDebug("Fetching a registry token from {Realm} for scope '{Scope}'", realm, scope);
        using var request = new HttpRequestMessage(HttpMethod.Get, tokenUri);
        if (sendCredentials)
        {
            request.Headers.Authorization = BasicHeader(credentials!);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryException("GET", tokenUri, null, [], $"The token server of {registry} is unreachable ({e.Message}).", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RegistryException("GET", tokenUri, null, [],
                $"The token server of {registry} did not answer within {_http.Timeout.TotalSeconds:0.#} s; check that it is up, or raise {Limits.LimitVariables.RegistryTimeout}.", e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var errors = RegistryErrorParser.Parse(body);
                if (errors.Count == 0 && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    errors = [new RegistryError("UNAUTHORIZED", "the token server refused the credentials")];
                }

                throw new RegistryException("GET", tokenUri, response.StatusCode, errors, RegistryHints.Unauthorized(registry, credentials));
            }

            return new AuthenticationHeaderValue("Bearer", ParseToken(body, tokenUri));
        }
    }

    private static string ParseToken(byte[] body, Uri tokenUri)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            foreach (var name in new[] { "token", "access_token" })
            {
                if (document.RootElement.TryGetProperty(name, out var value) && !string.IsNullOrEmpty(value.GetString()))
                {
                    return value.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
            // Fall through to the error below; the body may contain a token and must not be echoed.
        }

        throw new RegistryException("GET", tokenUri, HttpStatusCode.OK, [], "The token server answered without a token; the registry's auth setup is broken.");
    }
}
