using System.Net;
using System.Net.Sockets;
using System.Text;
using Polycrate.Build.Registry;

namespace Polycrate.Build.IntegrationTests.Crash;

/// <summary>
/// A registry of the test's own on 127.0.0.1 (plain HTTP, anonymous) serving blocks by repository: each is a manifest
/// with an empty config and one layer. A layer given as null bytes is announced with <see cref="StalledSize"/> bytes,
/// of which the first 256 KiB are sent before the response stalls forever, so a pull is caught mid-download.
/// </summary>
internal sealed class StallingRegistry : IDisposable
{
    public const long StalledSize = 64L << 20;

    private static readonly byte[] Config = "{}"u8.ToArray();
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, (byte[] Manifest, string LayerDigest, byte[]? Layer)> _repositories = new(StringComparer.Ordinal);

    public StallingRegistry()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    /// <summary>Serves <paramref name="repository"/>:1.0.0 with <paramref name="layer"/> (null: a layer that stalls).</summary>
    public void Add(string repository, byte[]? layer)
    {
        var layerDigest = layer is null ? "sha256:" + new string('a', 64) : ContentDigest.Of(layer);
        var manifest = Encoding.UTF8.GetBytes($$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"{{ContentDigest.Of(Config)}}","size":{{Config.Length}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"{{layerDigest}}","size":{{layer?.Length ?? StalledSize}}}]}
            """);
        _repositories[repository] = (manifest, layerDigest, layer);
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        try
        {
            if (path == "/v2/")
            {
                await WriteAsync(response, "application/json", "{}"u8.ToArray());
                return;
            }

            var repository = _repositories.FirstOrDefault(r => path.StartsWith($"/v2/{r.Key}/", StringComparison.Ordinal));
            if (repository.Key is null)
            {
                response.StatusCode = 404;
                response.Close();
                return;
            }

            var (manifest, layerDigest, layer) = repository.Value;
            if (path.EndsWith("/manifests/1.0.0", StringComparison.Ordinal) || path.EndsWith("/manifests/" + ContentDigest.Of(manifest), StringComparison.Ordinal))
            {
                response.Headers["Docker-Content-Digest"] = ContentDigest.Of(manifest);
                await WriteAsync(response, "application/vnd.oci.image.manifest.v1+json", manifest, context.Request.HttpMethod == "HEAD");
            }
            else if (path.EndsWith("/blobs/" + ContentDigest.Of(Config), StringComparison.Ordinal))
            {
                await WriteAsync(response, "application/octet-stream", Config);
            }
            else if (path.EndsWith("/blobs/" + layerDigest, StringComparison.Ordinal) && layer is not null)
            {
                await WriteAsync(response, "application/octet-stream", layer);
            }
            else if (path.EndsWith("/blobs/" + layerDigest, StringComparison.Ordinal))
            {
                response.ContentType = "application/octet-stream";
                response.ContentLength64 = StalledSize;
                await response.OutputStream.WriteAsync(new byte[256 << 10], _stop.Token);
                await response.OutputStream.FlushAsync(_stop.Token);
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }
            else
            {
                response.StatusCode = 404;
                response.Close();
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client went away (killed) or the server stops.
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, string contentType, byte[] body, bool headOnly = false)
    {
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        if (!headOnly)
        {
            await response.OutputStream.WriteAsync(body);
        }

        response.Close();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
