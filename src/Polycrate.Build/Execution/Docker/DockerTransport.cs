using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Polycrate.Build.Limits;

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// HTTP to the engine over its unix socket or TCP port: sends requests, turns transport failures into
/// <see cref="ContainerErrorCodes.EngineUnavailable"/> and error statuses into <see cref="DockerApiException"/>.
/// </summary>
internal sealed class DockerTransport : IDisposable
{
    private readonly HttpClient _http;
    private long _requests;

    public DockerTransport(DockerClientOptions options)
        : this(options.Endpoint, CreateHandler(options), options.RequestTimeout, options.EndpointSource)
    {
    }

    /// <summary>For tests: any handler (a fake) in place of the socket.</summary>
    public DockerTransport(DockerEndpoint endpoint, HttpMessageHandler handler, TimeSpan? requestTimeout = null, string? endpointSource = null)
    {
        Endpoint = endpoint;
        RequestTimeout = requestTimeout ?? DockerClientOptions.DefaultRequestTimeout;
        EndpointSource = endpointSource ?? DockerClientOptions.DefaultEndpointSource;
        _http = new HttpClient(handler)
        {
            BaseAddress = endpoint.IsUnixSocket ? new Uri("http://localhost/") : new Uri($"http://{endpoint.Host}:{endpoint.Port}/"),
            // Bounded per request below: waits and output streams last as long as the container runs.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public DockerEndpoint Endpoint { get; }

    /// <summary>How long a request may take (for streams: until the answer starts).</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Where the endpoint came from (DOCKER_HOST, a docker context, the default), for messages.</summary>
    public string EndpointSource { get; }

    /// <summary>Requests sent so far (diagnostics: the per-step cost in a shared container is counted in engine calls).</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>
    /// Sends a request; the caller owns the returned response. With <paramref name="stream"/> the body is not
    /// buffered, so progress and log streams can be read while the engine produces them. Unless
    /// <paramref name="bounded"/> is false (waiting for a container), the request fails with
    /// <see cref="ContainerErrorCodes.EngineTimeout"/> when the engine does not answer within <see cref="RequestTimeout"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, HttpContent? content, bool stream, CancellationToken cancellationToken,
        bool bounded = true, IReadOnlyDictionary<string, string>? headers = null)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (bounded)
        {
            timeout.CancelAfter(RequestTimeout);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(
                request,
                stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead,
                timeout.Token);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(method.Method, PathOf(pathAndQuery), ex);
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

    /// <summary>The engine stopped answering in the middle of a stream (pull, build) for longer than <paramref name="idle"/>.</summary>
    public ContainerException StreamStalled(string operation, TimeSpan idle, Exception inner) => new(
        ContainerErrorCodes.EngineTimeout,
        $"{operation}: the Docker engine at {Endpoint} ({EndpointSource}) sent nothing for {idle.TotalSeconds:0.#} s. Check the engine "
        + $"('docker info', 'journalctl -u docker') and retry; on a slow network raise {LimitVariables.DockerTimeout} (seconds; streams may stay silent 10 times that).",
        inner);

    /// <summary>Sends a request and deserialises its JSON answer; <paramref name="bounded"/> as in <see cref="SendAsync(HttpMethod, string, HttpContent?, bool, CancellationToken, bool, IReadOnlyDictionary{string, string}?)"/>.</summary>
    public async Task<T> SendJsonAsync<T>(
        HttpMethod method, string pathAndQuery, HttpContent? content, JsonTypeInfo<T> answer, CancellationToken cancellationToken, bool bounded = true)
    {
        using var response = await SendAsync(method, pathAndQuery, content, stream: false, cancellationToken, bounded);
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
        var socket = Endpoint.SocketPath;
        var cause = ex.InnerException?.Message ?? ex.Message;
        var error = (ex.InnerException as SocketException)?.SocketErrorCode;
        var what = socket is null
            ? $"No Docker engine answers at {Endpoint} ({EndpointSource}): {cause}."
            : !File.Exists(socket)
                ? $"No Docker engine at {Endpoint} ({EndpointSource}): the socket file {socket} does not exist, so no engine is running there."
                : error == SocketError.AccessDenied
                    ? $"The Docker engine socket {socket} ({EndpointSource}) exists but this user may not open it (permission denied)."
                    : error == SocketError.ConnectionRefused
                        ? $"No Docker engine listens on the socket {socket} ({EndpointSource}): the file exists but nothing accepts connections (the engine stopped or crashed)."
                        : $"No Docker engine answers at the unix socket {socket} ({EndpointSource}): {cause}.";
        var fix = error == SocketError.AccessDenied && socket is not null && File.Exists(socket)
            ? "Add the user to the socket's group ('sudo usermod -aG docker $USER', then log in again) or run as a user that may use the engine."
            : "Start the engine ('sudo systemctl start docker' or 'sudo dockerd'; rootless: "
              + "'systemctl --user start docker'), or point DOCKER_HOST at a running one (unix:///path/to/docker.sock or tcp://host:2375), "
              + "or select another 'docker context'.";
        return new ContainerException(ContainerErrorCodes.EngineUnavailable, $"{what} {fix}", ex);
    }

    private ContainerException TimedOut(string method, string path, Exception inner) => new(
        ContainerErrorCodes.EngineTimeout,
        $"The Docker engine at {Endpoint} ({EndpointSource}) accepted the connection but did not answer {method} {path} within "
        + $"{RequestTimeout.TotalSeconds:0.#} s. The engine is hung or overloaded, or something else listens there: check 'docker info' and "
        + $"restart the engine ('sudo systemctl restart docker'), or point DOCKER_HOST at a working one. {LimitVariables.DockerTimeout}=<seconds> changes the limit.",
        inner);

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
