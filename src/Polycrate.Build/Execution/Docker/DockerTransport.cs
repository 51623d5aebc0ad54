using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// HTTP to the engine over its unix socket or TCP port: sends requests, turns transport failures into
/// <see cref="ContainerErrorCodes.EngineUnavailable"/> and error statuses into <see cref="DockerApiException"/>.
/// </summary>
internal sealed class DockerTransport : IDisposable
{
    private readonly HttpClient _http;

    public DockerTransport(DockerClientOptions options)
        : this(options.Endpoint, CreateHandler(options))
    {
    }

    /// <summary>For tests: any handler (a fake) in place of the socket.</summary>
    public DockerTransport(DockerEndpoint endpoint, HttpMessageHandler handler)
    {
        Endpoint = endpoint;
        _http = new HttpClient(handler)
        {
            BaseAddress = endpoint.IsUnixSocket ? new Uri("http://localhost/") : new Uri($"http://{endpoint.Host}:{endpoint.Port}/"),
            // Log following and builds run as long as the container does; callers bound them with their token.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>
    /// Sends a request; the caller owns the returned response. With <paramref name="stream"/> the body is not
    /// buffered, so progress and log streams can be read while the engine produces them.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, HttpContent? content, bool stream, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(
                request,
                stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead,
                cancellationToken);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new DockerApiException(method.Method, PathOf(pathAndQuery), (int)response.StatusCode, ErrorMessageOf(body));
        }
    }

    /// <summary>Sends a request and deserialises its JSON answer.</summary>
    public async Task<T> SendJsonAsync<T>(
        HttpMethod method, string pathAndQuery, HttpContent? content, JsonTypeInfo<T> answer, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, pathAndQuery, content, stream: false, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(body, answer)
                ?? throw new JsonException("the answer was JSON null");
        }
        catch (JsonException ex)
        {
            throw new ContainerException(
                ContainerErrorCodes.UnexpectedResponse,
                $"The Docker engine at {Endpoint} answered {method.Method} {PathOf(pathAndQuery)} with JSON this client cannot read ({ex.Message}). Check that {Endpoint} is a Docker engine.",
                ex);
        }
    }

    /// <summary>Sends a request whose answer carries nothing the caller needs.</summary>
    public async Task SendAsync(HttpMethod method, string pathAndQuery, HttpContent? content, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, pathAndQuery, content, stream: false, cancellationToken);
    }

    public static StringContent JsonBody<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new StringContent(JsonSerializer.Serialize(body, typeInfo), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>The <c>message</c> of an engine error body (<c>{"message": "..."}</c>), or the trimmed body.</summary>
    public static string ErrorMessageOf(string body)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize(body, DockerJsonContext.Default.ErrorResponse);
            if (!string.IsNullOrWhiteSpace(parsed?.Message))
            {
                return parsed.Message.Trim();
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, plain text from an old engine): show the body itself.
        }

        var text = body.Trim();
        return text.Length == 0 ? "(no message)" : text.Length > 500 ? text[..500] + "…" : text;
    }

    public void Dispose() => _http.Dispose();

    private ContainerException Unavailable(HttpRequestException ex)
    {
        var where = Endpoint.IsUnixSocket
            ? $"the unix socket {Endpoint.SocketPath}"
            : $"{Endpoint} (from DOCKER_HOST)";
        var cause = ex.InnerException?.Message ?? ex.Message;
        return new ContainerException(
            ContainerErrorCodes.EngineUnavailable,
            $"No Docker engine answers at {where}: {cause}. Start one with 'sudo systemctl start docker' or "
            + "'sudo eng/start-docker.sh' (from the Polycrate.Build repository), or set DOCKER_HOST to a running engine "
            + "(unix:///path or tcp://host:port).",
            ex);
    }

    private static string PathOf(string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? pathAndQuery : pathAndQuery[..query];
    }

    private static SocketsHttpHandler CreateHandler(DockerClientOptions options)
    {
        var handler = new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout, UseProxy = false };
        if (options.Endpoint.SocketPath is { } socketPath)
        {
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }
}
