using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polycrate.Build.Limits;

namespace Polycrate.Build.Execution.Docker;

/// <summary>
/// A small typed client of the Docker Engine API over HTTP (unix socket or TCP). The API version is negotiated per
/// client from <c>GET /version</c>: the engine's version, capped at <see cref="DockerClientOptions.MaximumApiVersion"/>.
/// Image operations are in DockerClient.Images.cs, container and network operations in DockerClient.Containers.cs.
/// </summary>
internal sealed partial class DockerClient : IDisposable
{
    private readonly DockerTransport _transport;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private string? _apiPrefix;

    public DockerClient(DockerClientOptions options, ILogger? logger = null)
        : this(new DockerTransport(options), logger)
    {
    }

    internal DockerClient(DockerTransport transport, ILogger? logger = null)
    {
        _transport = transport;
        _logger = logger ?? NullLogger.Instance;
    }

    public DockerEndpoint Endpoint => _transport.Endpoint;

    /// <summary>Engine API requests this client sent so far (diagnostics and tests: what a step costs in engine calls).</summary>
    internal long RequestCount => _transport.RequestCount;

    /// <summary>Succeeds when the engine answers <c>GET /_ping</c>.</summary>
    public Task PingAsync(CancellationToken cancellationToken) =>
        _transport.SendAsync(HttpMethod.Get, "/_ping", content: null, cancellationToken);

    /// <summary>The engine's version (unversioned <c>GET /version</c>, so it works before negotiation).</summary>
    public async Task<DockerVersion> GetVersionAsync(CancellationToken cancellationToken)
    {
        var answer = await _transport.SendJsonAsync(
            HttpMethod.Get, "/version", content: null, DockerJsonContext.Default.VersionResponse, cancellationToken);
        return new DockerVersion(
            answer.Version ?? "",
            answer.ApiVersion ?? "",
            answer.MinApiVersion ?? "",
            answer.Os ?? "",
            answer.Arch ?? "",
            answer.KernelVersion ?? "");
    }

    /// <summary>The API version this client speaks with the engine, negotiated on first use.</summary>
    public async Task<string> GetNegotiatedApiVersionAsync(CancellationToken cancellationToken) =>
        (await ApiAsync(cancellationToken))[2..];

    public void Dispose()
    {
        _transport.Dispose();
        _negotiation.Dispose();
    }

    /// <summary>Picks the API version: the engine's own, capped at the newest this client knows.</summary>
    internal static string NegotiateApiVersion(string engineApiVersion, DockerEndpoint endpoint)
    {
        if (!Version.TryParse(engineApiVersion, out var engine))
        {
            throw new ContainerException(
                ContainerErrorCodes.UnexpectedResponse,
                $"The Docker engine at {endpoint} reports API version '{engineApiVersion}', which is not a version number. Check that it is a Docker engine.");
        }

        var minimum = Version.Parse(DockerClientOptions.MinimumApiVersion);
        var maximum = Version.Parse(DockerClientOptions.MaximumApiVersion);
        if (engine < minimum)
        {
            throw new ContainerException(
                ContainerErrorCodes.ApiVersionTooOld,
                $"The Docker engine at {endpoint} speaks API {engineApiVersion}; Polycrate.Build needs {DockerClientOptions.MinimumApiVersion} or newer (Docker 20.10+). Upgrade the engine.");
        }

        return (engine > maximum ? maximum : engine).ToString(2);
    }

    /// <summary>The versioned path prefix, e.g. <c>/v1.41</c>.</summary>
    private async Task<string> ApiAsync(CancellationToken cancellationToken)
    {
        if (_apiPrefix is { } known)
        {
            return known;
        }

        await _negotiation.WaitAsync(cancellationToken);
        try
        {
            if (_apiPrefix is null)
            {
                var version = await GetVersionAsync(cancellationToken);
                var chosen = NegotiateApiVersion(version.ApiVersion, Endpoint);
                _logger.LogDebug("Docker engine {Version} at {Endpoint}: speaking API {Api}", version.Version, Endpoint, chosen);
                _apiPrefix = "/v" + chosen;
            }

            return _apiPrefix;
        }
        finally
        {
            _negotiation.Release();
        }
    }

    /// <summary>
    /// Reads a newline-delimited JSON progress stream (pull, build) to its end; an <c>error</c> or
    /// <c>errorDetail</c> in it fails the operation even though the HTTP status was 200.
    /// </summary>
    private async Task ReadJsonStreamAsync(
        HttpResponseMessage response, string operation, Action<JsonStreamMessage> onMessage, CancellationToken cancellationToken)
    {
        // A pull or build may legitimately stay silent for a while (a long RUN step), but not forever.
        var idle = _transport.RequestTimeout * 10;
        await using var body = new IdleTimeoutStream(await response.Content.ReadAsStreamAsync(cancellationToken), idle);
        using var reader = new StreamReader(body);
        while (await ReadLineAsync(reader, operation, idle, cancellationToken) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonStreamMessage message;
            try
            {
                message = JsonSerializer.Deserialize(line, DockerJsonContext.Default.JsonStreamMessage)
                    ?? throw new JsonException("JSON null");
            }
            catch (JsonException ex)
            {
                throw new ContainerException(
                    ContainerErrorCodes.UnexpectedResponse,
                    $"{operation}: the Docker engine at {Endpoint} sent a progress line this client cannot read ({ex.Message}).",
                    ex);
            }

            var error = message.ErrorDetail?.Message ?? message.Error;
            if (!string.IsNullOrWhiteSpace(error))
            {
                throw new ContainerException(ContainerErrorCodes.StreamError, $"{operation} failed: {error.Trim()}");
            }

            onMessage(message);
        }
    }

    private async Task<string?> ReadLineAsync(StreamReader reader, string operation, TimeSpan idle, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw _transport.StreamStalled(operation, idle, ex);
        }
    }
}
